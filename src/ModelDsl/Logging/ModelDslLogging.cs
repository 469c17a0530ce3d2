using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ModelDsl;

/// <summary>
/// Logger factory of the ModelDsl library. An application sets <see cref="LoggerFactory"/> once at
/// start-up to receive the library's log messages; until then they are discarded.
/// </summary>
public static class ModelDslLogging
{
    private static ILoggerFactory loggerFactory = NullLoggerFactory.Instance;

    /// <summary>Factory that every ModelDsl logger is created from; <see cref="NullLoggerFactory"/> by default.</summary>
    public static ILoggerFactory LoggerFactory
    {
        get => Volatile.Read(ref loggerFactory);
        set => Volatile.Write(ref loggerFactory, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Creates a logger named after <typeparamref name="T"/> from the current factory.</summary>
    public static ILogger CreateLogger<T>() => LoggerFactory.CreateLogger<T>();
}
