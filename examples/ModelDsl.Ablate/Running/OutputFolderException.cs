namespace ModelDsl.Ablate.Running;

/// <summary>The output folder cannot be created or written. The command exits with code 4.</summary>
public sealed class OutputFolderException(string message, Exception? innerException = null) : Exception(message, innerException)
{
}
