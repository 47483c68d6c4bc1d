namespace DrLambdas.Shared.Errors;

/// <summary>
/// A compare-and-swap was lost (the record changed meanwhile) or a conflicting operation is running.
/// Step Functions retries it, which is safe because every step converges.
/// </summary>
public sealed class ConflictException : Exception
{
    /// <summary>Creates the error with a message saying what conflicted.</summary>
    public ConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error without details; prefer the constructor taking a message.</summary>
    public ConflictException()
        : base("A conflicting change or operation was detected.")
    {
    }
}
