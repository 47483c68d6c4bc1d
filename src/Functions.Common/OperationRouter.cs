using System.Text.Json;
using DrLambdas.Runtime;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Functions.Common;

/// <summary>Dispatches a function's input to the operation its <c>operation</c> field names.</summary>
public sealed class OperationRouter
{
    private readonly string _functionName;
    private readonly Dictionary<string, IFunctionOperation> _operations;

    /// <summary>Creates the router of <paramref name="functionName"/> over its operations.</summary>
    public OperationRouter(string functionName, IEnumerable<IFunctionOperation> operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(operations);
        _functionName = functionName;
        _operations = operations.ToDictionary(operation => operation.Name, StringComparer.Ordinal);
    }

    /// <summary>The operation names, in declaration order.</summary>
    public IReadOnlyCollection<string> OperationNames => _operations.Keys;

    /// <summary>Runs the operation <paramref name="input"/> names.</summary>
    /// <exception cref="InputValidationException">The input is not an object, or its operation is missing or unknown.</exception>
    public Task<JsonElement> RouteAsync(JsonElement input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var expected = string.Join(", ", _operations.Keys);
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new InputValidationException("$", $"must be a JSON object with an 'operation' field ({expected}), got {input.ValueKind}");
        }

        if (!input.TryGetProperty("operation", out var field))
        {
            throw new InputValidationException("operation", $"is required: one of {expected}");
        }

        if (field.ValueKind != JsonValueKind.String)
        {
            throw new InputValidationException("operation", $"must be a string, one of {expected}; got {field.ValueKind}");
        }

        var name = field.GetString()!;
        if (!_operations.TryGetValue(name, out var operation))
        {
            throw new InputValidationException("operation", $"'{name}' is not an operation of {_functionName}; expected one of {expected}");
        }

        return operation.InvokeAsync(input, context, cancellationToken);
    }

    /// <summary>The Lambda handler: JSON in, JSON out; an unreadable event is an <see cref="InputValidationException"/>.</summary>
    public ILambdaHandler CreateHandler() => LambdaHandler.Create<JsonElement, JsonElement>(
        RouteAsync,
        ContractsJsonContext.Default.JsonElement,
        ContractsJsonContext.Default.JsonElement,
        (message, cause) => new InputValidationException("$", message, cause));
}
