using System.Text.Json;
using DrLambdas.Runtime;

namespace DrLambdas.Functions.Common;

/// <summary>One <c>operation</c> of a function, e.g. the promoter's <c>start</c>.</summary>
public interface IFunctionOperation
{
    /// <summary>The value of the input's <c>operation</c> field that selects this operation.</summary>
    string Name { get; }

    /// <summary>Reads the typed request from <paramref name="input"/>, runs the operation and returns its JSON output.</summary>
    Task<JsonElement> InvokeAsync(JsonElement input, ILambdaContext context, CancellationToken cancellationToken);
}
