namespace DrLambdas.LambdaEmulator.Configuration;

/// <summary>The emulator's command line or environment file is invalid; nothing is started.</summary>
public sealed class EmulatorConfigurationException : Exception
{
    /// <summary>An invalid configuration with no detail.</summary>
    public EmulatorConfigurationException()
    {
    }

    /// <summary>An invalid configuration described by <paramref name="message"/>.</summary>
    public EmulatorConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>An invalid configuration caused by <paramref name="innerException"/>.</summary>
    public EmulatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
