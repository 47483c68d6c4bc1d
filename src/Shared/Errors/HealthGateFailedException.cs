namespace DrLambdas.Shared.Errors;

/// <summary>
/// A failback step's health gate saw the Region regress; the failback state machine catches it and
/// rolls the weights back.
/// </summary>
public sealed class HealthGateFailedException : Exception
{
    /// <summary>Creates the error for <paramref name="region"/> with what the gate saw.</summary>
    public HealthGateFailedException(string region, string detail)
        : base($"Health gate failed for {region}: {detail}")
    {
        Region = region;
        Detail = detail;
    }

    /// <summary>Creates the error without a Region; prefer the constructor naming the Region.</summary>
    public HealthGateFailedException(string message)
        : base(message)
    {
        Region = string.Empty;
        Detail = message;
    }

    /// <summary>Creates the error with its cause; prefer the constructor naming the Region.</summary>
    public HealthGateFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Region = string.Empty;
        Detail = message;
    }

    /// <summary>Creates the error without details; prefer the constructor naming the Region.</summary>
    public HealthGateFailedException()
        : this("The health gate saw a regression.")
    {
    }

    /// <summary>The Region whose gate failed (empty when not known).</summary>
    public string Region { get; }

    /// <summary>What the gate saw.</summary>
    public string Detail { get; }
}
