using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// The Lambda Runtime API 2018-06-01 for one function instance, on its own 127.0.0.1 port (a runtime
/// only knows <c>host:port</c>, so instances cannot share one). Requests go to the instance's current
/// <see cref="SandboxSession"/>.
/// </summary>
internal sealed class RuntimeApiEndpoint : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly WebApplication _app;

    private RuntimeApiEndpoint(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The <c>host:port</c> given to the runtime as AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    public static async Task<RuntimeApiEndpoint> StartAsync(Func<SandboxSession?> currentSession)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.MapGet(Prefix + "/invocation/next", context => NextAsync(context, currentSession()));
        app.MapPost(Prefix + "/invocation/{requestId}/response", async context =>
            await AnswerAsync(context, currentSession()?.Respond(RequestId(context), await ReadBodyAsync(context))));
        app.MapPost(Prefix + "/invocation/{requestId}/error", async context =>
            await AnswerAsync(context, currentSession()?.Fail(RequestId(context), await ReadErrorAsync(context))));
        app.MapPost(Prefix + "/init/error", async context =>
            await AnswerAsync(context, currentSession()?.FailInit(await ReadErrorAsync(context))));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RuntimeApiEndpoint(app, new Uri(url).Authority);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string RequestId(HttpContext context) => (string)context.Request.RouteValues["requestId"]!;

    private static async Task NextAsync(HttpContext context, SandboxSession? session)
    {
        if (session is null)
        {
            await WriteStatusAsync(context, HttpStatusCode.InternalServerError, "No sandbox is running on this endpoint.");
            return;
        }

        PendingInvocation invocation;
        try
        {
            invocation = await session.NextAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.Request.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = invocation.Request.TraceHeader;
        if (invocation.Request.ClientContext is { } clientContext)
        {
            headers["Lambda-Runtime-Client-Context"] = clientContext;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Request.Payload);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>The posted error document; one built from the error-type header when the body is empty.</summary>
    private static async Task<byte[]> ReadErrorAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        if (body.Length > 0)
        {
            return body;
        }

        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault() ?? "Runtime.Unknown";
        return FunctionErrors.Document(errorType, "The runtime reported an error without an error document.");
    }

    private static Task AnswerAsync(HttpContext context, RuntimeApiPostResult? result) => result switch
    {
        RuntimeApiPostResult.Accepted => WriteStatusAsync(context, HttpStatusCode.Accepted, null),
        RuntimeApiPostResult.InvalidRequestId => WriteErrorAsync(context, HttpStatusCode.BadRequest, "InvalidRequestID", "Invalid request ID"),
        RuntimeApiPostResult.PayloadTooLarge => WriteErrorAsync(context, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", "The response exceeds the 6 MB limit."),
        _ => WriteStatusAsync(context, HttpStatusCode.InternalServerError, "No sandbox is running on this endpoint."),
    };

    private static async Task WriteStatusAsync(HttpContext context, HttpStatusCode status, string? message)
    {
        context.Response.StatusCode = (int)status;
        if (message is not null)
        {
            await WriteErrorAsync(context, status, "Runtime.Unavailable", message);
        }
        else
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"status\":\"OK\"}");
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string errorType, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(FunctionErrors.Document(errorType, message));
    }
}
