namespace DrLambdas.Shared.Errors;

/// <summary>
/// Input that is malformed or unknown; names the offending field so an operator can fix the document.
/// Never leads to an action.
/// </summary>
public sealed class InputValidationException : Exception
{
    /// <summary>Creates the error for <paramref name="field"/> (a JSON path such as <c>detail.state.value</c>).</summary>
    public InputValidationException(string field, string problem)
        : base($"Invalid input at '{field}': {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the error for <paramref name="field"/>, keeping the parser error that caused it.</summary>
    public InputValidationException(string field, string problem, Exception innerException)
        : base($"Invalid input at '{field}': {problem}", innerException)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates an error without a field; prefer the field-naming constructors.</summary>
    public InputValidationException()
        : this("$", "the input is invalid")
    {
    }

    /// <summary>Creates an error without a field; prefer the field-naming constructors.</summary>
    public InputValidationException(string message)
        : this("$", message)
    {
    }

    /// <summary>The JSON path of the offending field (<c>$</c> for the whole document).</summary>
    public string Field { get; }

    /// <summary>What is wrong with the field, without the field name.</summary>
    public string Problem { get; }
}
