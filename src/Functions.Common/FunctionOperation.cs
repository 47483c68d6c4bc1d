using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Runtime;
using DrLambdas.Runtime.Logging;

namespace DrLambdas.Functions.Common;

/// <summary>
/// An operation with a typed request and response: reads the request (shape errors are
/// <c>InputValidationException</c>), logs start and end with the incident id and the duration (read through the
/// context's <see cref="ILambdaContext.TimeProvider"/>), serializes the response.
/// </summary>
/// <typeparam name="TRequest">The source-generated request type.</typeparam>
/// <typeparam name="TResponse">The source-generated response type.</typeparam>
public sealed class FunctionOperation<TRequest, TResponse> : IFunctionOperation
{
    private readonly JsonTypeInfo<TRequest> _requestType;
    private readonly JsonTypeInfo<TResponse> _responseType;
    private readonly Func<TRequest, string?> _incidentOf;
    private readonly Func<TRequest, Invocation, CancellationToken, Task<TResponse>> _handle;

    /// <summary>Creates the operation.</summary>
    /// <param name="name">The <c>operation</c> value.</param>
    /// <param name="requestType">Request metadata.</param>
    /// <param name="responseType">Response metadata.</param>
    /// <param name="incidentOf">The incident id a request names, or null.</param>
    /// <param name="handle">The operation's logic.</param>
    public FunctionOperation(
        string name,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        Func<TRequest, string?> incidentOf,
        Func<TRequest, Invocation, CancellationToken, Task<TResponse>> handle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        ArgumentNullException.ThrowIfNull(incidentOf);
        ArgumentNullException.ThrowIfNull(handle);
        Name = name;
        _requestType = requestType;
        _responseType = responseType;
        _incidentOf = incidentOf;
        _handle = handle;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<JsonElement> InvokeAsync(JsonElement input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = ContractReader.Read(input, _requestType);
        var incidentId = _incidentOf(request);
        var invocation = new Invocation(context, Name, string.IsNullOrWhiteSpace(incidentId) ? null : incidentId);
        var clock = context.TimeProvider;
        var started = clock.GetTimestamp();
        invocation.Logger.Info($"Operation {Name} started");
        try
        {
            var response = await _handle(request, invocation, cancellationToken);
            invocation.Logger.Info(
                $"Operation {Name} completed",
                new LogField("durationMs", clock.GetElapsedTime(started).TotalMilliseconds));
            return JsonSerializer.SerializeToElement(response, _responseType);
        }
        catch (Exception exception)
        {
            // The host logs the exception with its stack; this line ties the failure to the incident.
            invocation.Logger.Warn(
                $"Operation {Name} failed: {exception.Message}",
                new LogField("failure", exception.GetType().Name),
                new LogField("durationMs", clock.GetElapsedTime(started).TotalMilliseconds));
            throw;
        }
    }
}
