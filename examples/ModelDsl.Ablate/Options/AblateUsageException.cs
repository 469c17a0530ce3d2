namespace ModelDsl.Ablate;

/// <summary>Invalid command-line input: an unknown option, name or value. The command exits with code 2.</summary>
public sealed class AblateUsageException(string message) : Exception(message)
{
}
