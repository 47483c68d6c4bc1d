namespace DrLambdas.Runtime;

/// <summary>
/// The event could not be read as the handler's input type (not JSON, wrong shape, or null). Functions
/// usually map this to their own contract type with the <c>invalidInput</c> argument of
/// <see cref="LambdaHandler.Create{TInput, TOutput}"/>.
/// </summary>
public sealed class LambdaInputException : Exception
{
    /// <summary>An input failure with no detail.</summary>
    public LambdaInputException()
    {
    }

    /// <summary>An input failure described by <paramref name="message"/>.</summary>
    public LambdaInputException(string message)
        : base(message)
    {
    }

    /// <summary>An input failure caused by <paramref name="innerException"/> (usually a JsonException).</summary>
    public LambdaInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
