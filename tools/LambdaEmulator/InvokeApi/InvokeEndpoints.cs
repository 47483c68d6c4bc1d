using System.Globalization;
using System.Text;
using DrLambdas.LambdaEmulator.Functions;

namespace DrLambdas.LambdaEmulator.InvokeApi;

/// <summary>
/// <c>POST /2015-03-31/functions/{name}/invocations</c>, answered as Lambda (and the Runtime Interface
/// Emulator) does: 200 with the response; 200 with <c>X-Amz-Function-Error: Unhandled</c> and the error
/// document for a function error; 202 for <c>X-Amz-Invocation-Type: Event</c>; 204 for <c>DryRun</c>.
/// Measurements go in <c>X-DrLambdas-*</c> headers.
/// </summary>
internal static class InvokeEndpoints
{
    public const int MaxRequestBytes = 6 * 1024 * 1024;

    public static void Map(WebApplication app, EmulatorHost host) =>
        app.MapPost("/2015-03-31/functions/{functionName}/invocations", context =>
            InvokeAsync(context, host, (string)context.Request.RouteValues["functionName"]!, app.Lifetime.ApplicationStopping));

    private static async Task InvokeAsync(HttpContext context, EmulatorHost host, string functionName, CancellationToken stopping)
    {
        var name = FunctionNames.FromInvokePath(functionName);
        var pool = host.Find(name);
        if (pool is null)
        {
            var arn = $"arn:aws:lambda:{host.Settings.Region}:{host.Settings.AccountId}:function:{name}";
            await ServiceErrorAsync(context, StatusCodes.Status404NotFound, "ResourceNotFoundException", $"Function not found: {arn}");
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxRequestBytes)
        {
            await ServiceErrorAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "RequestTooLargeException",
                string.Create(CultureInfo.InvariantCulture, $"Request must be smaller than {MaxRequestBytes} bytes for the InvokeFunction operation"));
            return;
        }

        var invocationType = context.Request.Headers["X-Amz-Invocation-Type"].FirstOrDefault() ?? "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            await ServiceErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidParameterValueException", $"Unsupported invocation type '{invocationType}'.");
            return;
        }

        if (!TryReadClientContext(context, out var clientContext))
        {
            await ServiceErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestContentException", "X-Amz-Client-Context must be base64-encoded JSON.");
            return;
        }

        var request = new InvokeRequest(
            Guid.NewGuid().ToString(),
            buffer.ToArray(),
            context.Request.Headers["X-Amzn-Trace-Id"].FirstOrDefault() ?? TraceIds.NewHeader(host.TimeProvider.GetUtcNow()),
            clientContext);
        context.Response.Headers["x-amzn-RequestId"] = request.RequestId;
        if (invocationType == "DryRun")
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (invocationType == "Event")
        {
            _ = RunDetachedAsync(pool, request, host, stopping);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        var outcome = await pool.InvokeAsync(request, stopping);
        WriteOutcomeHeaders(context.Response, outcome);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(outcome.Payload, context.RequestAborted);
    }

    private static void WriteOutcomeHeaders(HttpResponse response, InvocationOutcome outcome)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (outcome.IsFunctionError)
        {
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        response.Headers[EmulatorHeaders.ColdStart] = outcome.ColdStart ? "true" : "false";
        response.Headers[EmulatorHeaders.Status] = outcome.Status.ToString();
        response.Headers[EmulatorHeaders.DurationMs] = Format(outcome.DurationMs);
        if (outcome.InitDurationMs is { } init)
        {
            response.Headers[EmulatorHeaders.InitDurationMs] = Format(init);
        }

        if (outcome.StartToResponseMs is { } startToResponse)
        {
            response.Headers[EmulatorHeaders.StartToResponseMs] = Format(startToResponse);
        }

        if (outcome.PeakResidentKb is { } peak)
        {
            response.Headers[EmulatorHeaders.MaxMemoryUsedKb] = peak.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Format(double milliseconds) => milliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool TryReadClientContext(HttpContext context, out string? clientContext)
    {
        clientContext = null;
        var encoded = context.Request.Headers["X-Amz-Client-Context"].FirstOrDefault();
        if (string.IsNullOrEmpty(encoded))
        {
            return true;
        }

        try
        {
            clientContext = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task RunDetachedAsync(FunctionPool pool, InvokeRequest request, EmulatorHost host, CancellationToken stopping)
    {
        try
        {
            await pool.InvokeAsync(request, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            host.Log.Warn("Asynchronous invocation abandoned: the emulator is stopping.", KeyValuePair.Create<string, object?>("requestId", request.RequestId));
        }
    }

    private static async Task ServiceErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-ErrorType"] = errorType;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ServiceErrorDocument(message));
    }

    private static byte[] ServiceErrorDocument(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Type", "User");
            writer.WriteString("Message", message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
