using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>
/// A Runtime API 2018-06-01 on 127.0.0.1: hands out queued invocations on <c>/next</c> and records every
/// POST. Statuses can be overridden to provoke the runtime's failure paths.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly Channel<FakeInvocation> _invocations = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentQueue<RecordedPost> _posts = new();
    private readonly SemaphoreSlim _postArrived = new(0);
    private readonly WebApplication _app;

    private FakeRuntimeApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Status answered to <c>/next</c> instead of handing out an invocation.</summary>
    public HttpStatusCode? NextStatus { get; set; }

    /// <summary>Status answered to <c>/response</c> posts (202 by default).</summary>
    public HttpStatusCode ResponseStatus { get; set; } = HttpStatusCode.Accepted;

    public string Address { get; private set; } = string.Empty;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeRuntimeApi(app);
        app.MapGet("/2018-06-01/runtime/invocation/next", fake.NextAsync);
        app.MapPost("/2018-06-01/runtime/{**path}", fake.RecordAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    public void Enqueue(FakeInvocation invocation) => _invocations.Writer.TryWrite(invocation);

    /// <summary>Waits until at least <paramref name="count"/> posts have arrived and returns them in order.</summary>
    public async Task<IReadOnlyList<RecordedPost>> WaitForPostsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_posts.Count < count)
        {
            await _postArrived.WaitAsync(timeout.Token);
        }

        return [.. _posts];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _postArrived.Dispose();
    }

    private async Task NextAsync(HttpContext context)
    {
        if (NextStatus is { } status)
        {
            context.Response.StatusCode = (int)status;
            await context.Response.WriteAsync("{\"errorType\":\"Fake\",\"errorMessage\":\"refused\"}");
            return;
        }

        var invocation = await _invocations.Reader.ReadAsync(context.RequestAborted);
        foreach (var (name, value) in invocation.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var path = context.Request.Path.Value ?? string.Empty;
        context.Response.StatusCode = path.EndsWith("/response", StringComparison.Ordinal) ? (int)ResponseStatus : (int)HttpStatusCode.Accepted;
        _posts.Enqueue(new RecordedPost(
            path,
            context.Request.ContentType,
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(),
            body.ToArray()));
        _postArrived.Release();
    }
}
