namespace ModelDsl.Training;

/// <summary>A checkpoint was loaded into a model whose architecture differs from the one it was saved from.</summary>
public sealed class ArchitectureMismatchException(string message) : Exception(message)
{
}
