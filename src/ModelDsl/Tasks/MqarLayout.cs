namespace ModelDsl.Tasks;

/// <summary>Where the key–value pairs of an MQAR example sit.</summary>
public enum MqarLayout
{
    /// <summary>Zoology's layout: the pairs open the sequence and the queries follow right after them.</summary>
    Standard = 0,

    /// <summary>The pairs fill the last 2N slots of the first half; noise precedes them and queries fill the second half.</summary>
    Last = 1,

    /// <summary>
    /// Dispersed: the pairs sit in random, distinct 2-token slots of the first half with noise in between;
    /// keys and values are drawn with replacement.
    /// </summary>
    Shuffle = 2,
}
