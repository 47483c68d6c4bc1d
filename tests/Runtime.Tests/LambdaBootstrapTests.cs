using System.Net;
using System.Text;
using System.Text.Json;
using DrLambdas.Runtime.Hosting;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.RuntimeApi;
using DrLambdas.Runtime.Tests.Fakes;

namespace DrLambdas.Runtime.Tests;

public sealed class LambdaBootstrapTests
{
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_HandlerSucceeds_PostsResponseForRequestId()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-1", "{\"n\":1}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var run = harness.Run((payload, _, _) => Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("{\"echo\":" + Encoding.UTF8.GetString(payload.Span) + "}")));

        var posts = await harness.Api.WaitForPostsAsync(1);

        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", posts[0].Path);
        Assert.Equal("{\"echo\":{\"n\":1}}", posts[0].BodyText);
        Assert.Equal(LambdaExitCodes.Success, await harness.StopAsync(run));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorDocumentWithContentTypeAndErrorTypeHeader()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-err", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var run = harness.Run((_, _, _) => throw new TimeoutException("The lab did not answer."));

        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        await harness.StopAsync(run);

        Assert.Equal("/2018-06-01/runtime/invocation/req-err/error", post.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal("TimeoutException", post.ErrorTypeHeader);
        var document = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("TimeoutException", document.GetProperty("errorType").GetString());
        Assert.Equal("The lab did not answer.", document.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, document.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ServesTheNextInvocation()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("first", "\"fail\"", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        harness.Api.Enqueue(FakeInvocation.Standard("second", "\"ok\"", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var run = harness.Run((payload, _, _) => Encoding.UTF8.GetString(payload.Span) == "\"fail\""
            ? throw new InvalidOperationException("first fails")
            : Task.FromResult(payload));

        var posts = await harness.Api.WaitForPostsAsync(2);

        Assert.Equal("/2018-06-01/runtime/invocation/first/error", posts[0].Path);
        Assert.Equal("/2018-06-01/runtime/invocation/second/response", posts[1].Path);
        Assert.Equal(LambdaExitCodes.Success, await harness.StopAsync(run));
    }

    [Fact]
    public async Task RunAsync_InitThrows_PostsInitErrorAndReturnsInitializationFailed()
    {
        await using var harness = await BootstrapHarness.StartAsync();

        var exitCode = await harness.Bootstrap.RunAsync(
            (_, _) => throw new ArgumentException("DR_PRIMARY_REGION is required."),
            CancellationToken.None);

        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        Assert.Equal(LambdaExitCodes.InitializationFailed, exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal("ArgumentException", post.ErrorTypeHeader);
        Assert.Equal("DR_PRIMARY_REGION is required.", JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RunAsync_DeadlineHeader_RemainingTimeIsDeadlineMinusTimeProviderNow()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-deadline", "{}", BootstrapHarness.DeadlineMs(TimeSpan.FromMilliseconds(12_345))));
        var observed = new TaskCompletionSource<(TimeSpan Remaining, DateTimeOffset Deadline)>();
        var run = harness.Run((payload, context, _) =>
        {
            observed.TrySetResult((context.RemainingTime, context.Deadline));
            return Task.FromResult(payload);
        });

        var (remaining, deadline) = await observed.Task.WaitAsync(InvocationTimeout);
        await harness.StopAsync(run);

        Assert.Equal(TimeSpan.FromMilliseconds(12_345), remaining);
        Assert.Equal(BootstrapHarness.Now.AddMilliseconds(12_345), deadline);
    }

    [Fact]
    public async Task RunAsync_Invocation_ContextTimeProviderIsTheHostsClock()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-clock", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var observed = new TaskCompletionSource<TimeProvider>();
        var run = harness.Run((payload, context, _) =>
        {
            observed.TrySetResult(context.TimeProvider);
            return Task.FromResult(payload);
        });

        var clock = await observed.Task.WaitAsync(InvocationTimeout);
        await harness.StopAsync(run);

        Assert.Same(harness.Time, clock);
    }

    [Fact]
    public async Task RunAsync_TraceHeader_SetsTraceVariableAndClearsItWhenAbsent()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        const string Trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        harness.Api.Enqueue(FakeInvocation.Standard("traced", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout), Trace));
        harness.Api.Enqueue(FakeInvocation.Standard("untraced", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var seen = new List<string?>();
        var run = harness.Run((payload, context, _) =>
        {
            seen.Add(harness.Environment.GetVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult(payload);
        });

        await harness.Api.WaitForPostsAsync(2);
        await harness.StopAsync(run);

        Assert.Equal([Trace, null], seen);
    }

    [Fact]
    public async Task RunAsync_HeadersInMixedCase_AreReadIntoTheContext()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(new FakeInvocation(
            [
                new("lambda-runtime-aws-request-id", "req-lower"),
                new("LAMBDA-RUNTIME-DEADLINE-MS", BootstrapHarness.DeadlineMs(TimeSpan.FromSeconds(5)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("lambda-Runtime-invoked-function-ARN", "arn:aws:lambda:ap-northeast-1:111122223333:function:mixed"),
                new("Lambda-Runtime-Trace-ID", "Root=1-abc"),
                new("lambda-runtime-client-context", "{\"client\":1}"),
                new("LAMBDA-runtime-cognito-identity", "{\"id\":2}"),
            ],
            "{}"u8.ToArray()));
        var observed = new TaskCompletionSource<ILambdaContext>();
        var run = harness.Run((payload, context, _) =>
        {
            observed.TrySetResult(context);
            return Task.FromResult(payload);
        });

        var context = await observed.Task.WaitAsync(InvocationTimeout);
        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        await harness.StopAsync(run);

        Assert.Equal("req-lower", context.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(5), context.RemainingTime);
        Assert.Equal("arn:aws:lambda:ap-northeast-1:111122223333:function:mixed", context.InvokedFunctionArn);
        Assert.Equal("Root=1-abc", context.TraceId);
        Assert.Equal("{\"client\":1}", context.ClientContext);
        Assert.Equal("{\"id\":2}", context.CognitoIdentity);
        Assert.Equal("/2018-06-01/runtime/invocation/req-lower/response", post.Path);
    }

    [Fact]
    public async Task RunAsync_ResponseOverSixMegabytes_PostsResponseSizeTooLargeError()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-big", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var run = harness.Run((_, _, _) => Task.FromResult<ReadOnlyMemory<byte>>(new byte[LambdaBootstrap.MaxResponseBytes + 1]));

        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        await harness.StopAsync(run);

        Assert.Equal("/2018-06-01/runtime/invocation/req-big/error", post.Path);
        Assert.Equal("Function.ResponseSizeTooLarge", post.ErrorTypeHeader);
        Assert.Contains("6291457 bytes", JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApiRefusesResponseWith413_PostsResponseSizeTooLargeError()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.ResponseStatus = HttpStatusCode.RequestEntityTooLarge;
        harness.Api.Enqueue(FakeInvocation.Standard("req-413", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var run = harness.Run((payload, _, _) => Task.FromResult(payload));

        var posts = await harness.Api.WaitForPostsAsync(2);
        await harness.StopAsync(run);

        Assert.Equal("/2018-06-01/runtime/invocation/req-413/response", posts[0].Path);
        Assert.Equal("/2018-06-01/runtime/invocation/req-413/error", posts[1].Path);
        Assert.Equal("Function.ResponseSizeTooLarge", posts[1].ErrorTypeHeader);
    }

    [Fact]
    public async Task RunAsync_NextAnswers500_ReturnsRuntimeApiFailed()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.NextStatus = HttpStatusCode.InternalServerError;

        var exitCode = await harness.Run((payload, _, _) => Task.FromResult(payload)).WaitAsync(InvocationTimeout);

        Assert.Equal(LambdaExitCodes.RuntimeApiFailed, exitCode);
    }

    [Fact]
    public async Task RunAsync_StopRequestedWhileWaitingForNext_ReturnsSuccess()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        var run = harness.Run((payload, _, _) => Task.FromResult(payload));

        var exitCode = await harness.StopAsync(run);

        Assert.Equal(LambdaExitCodes.Success, exitCode);
    }

    [Fact]
    public async Task RunAsync_HandlerLogs_RecordCarriesRequestIdAndTraceRoot()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-log", "{}", BootstrapHarness.DeadlineMs(InvocationTimeout), "Root=1-aaa-bbb;Sampled=1"));
        var run = harness.Run((payload, context, _) =>
        {
            context.Logger.Info("Handled.", new LogField("incidentId", "dr-1"));
            return Task.FromResult(payload);
        });

        await harness.Api.WaitForPostsAsync(1);
        await harness.StopAsync(run);

        var record = harness.Output.Records.Single(r => r.GetProperty("message").GetString() == "Handled.");
        Assert.Equal("req-log", record.GetProperty("requestId").GetString());
        Assert.Equal("1-aaa-bbb", record.GetProperty("traceId").GetString());
        Assert.Equal("dr-1", record.GetProperty("incidentId").GetString());
    }

    [Fact]
    public async Task RunAsync_TypedHandlerGetsInvalidJson_ReportsMappedErrorType()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-bad", "{not json", BootstrapHarness.DeadlineMs(InvocationTimeout)));
        var handler = LambdaHandler.Create(
            (JsonElement input, ILambdaContext _, CancellationToken _) => Task.FromResult(input),
            TestJsonContext.Default.JsonElement,
            TestJsonContext.Default.JsonElement,
            (message, cause) => new FormatException(message, cause));
        var run = harness.Run(handler);

        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        await harness.StopAsync(run);

        Assert.Equal("/2018-06-01/runtime/invocation/req-bad/error", post.Path);
        Assert.Equal("FormatException", post.ErrorTypeHeader);
    }
    [Fact]
    public async Task RunAsync_DeadlinePasses_HandlerTokenIsCancelledAndTheErrorReported()
    {
        await using var harness = await BootstrapHarness.StartAsync();
        harness.Api.Enqueue(FakeInvocation.Standard("req-slow", "{}", BootstrapHarness.DeadlineMs(TimeSpan.FromSeconds(3))));
        var started = new TaskCompletionSource();
        var run = harness.Run(async (payload, _, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return payload;
        });
        await started.Task.WaitAsync(InvocationTimeout);

        harness.Time.Advance(TimeSpan.FromSeconds(3));

        var post = (await harness.Api.WaitForPostsAsync(1))[0];
        await harness.StopAsync(run);
        Assert.Equal("/2018-06-01/runtime/invocation/req-slow/error", post.Path);
        Assert.Equal("TaskCanceledException", post.ErrorTypeHeader);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_ReturnsRuntimeApiFailed()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new RuntimeApiClient($"127.0.0.1:{closedPort}");
        using var output = new CapturedOutput();
        var bootstrap = new LambdaBootstrap(client, new FakeEnvironment(), TimeProvider.System, output.Sink, "Tests");

        var exitCode = await bootstrap.RunAsync((_, _) => Task.FromResult(LambdaHandler.FromBytes((p, _, _) => Task.FromResult(p))), CancellationToken.None);

        Assert.Equal(LambdaExitCodes.RuntimeApiFailed, exitCode);
        Assert.Contains(output.Records, record => record.GetProperty("level").GetString() == "FATAL");
    }
}
