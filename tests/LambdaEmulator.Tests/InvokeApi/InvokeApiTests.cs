using System.Net;
using System.Text.Json;
using DrLambdas.LambdaEmulator.InvokeApi;
using DrLambdas.LambdaEmulator.Tests.Support;

namespace DrLambdas.LambdaEmulator.Tests.InvokeApi;

public sealed class InvokeApiTests
{
    [Fact]
    public async Task Invoke_EchoEvent_Returns200WithTheHandlersResponse()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\",\"message\":\"hello\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("X-Amz-Function-Error"));
        Assert.Equal("hello", body.GetProperty("message").GetString());
        Assert.Equal(response.Header("x-amzn-RequestId"), body.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:ap-northeast-1:123456789012:function:echo", body.GetProperty("invokedFunctionArn").GetString());
    }

    [Fact]
    public async Task Invoke_HandlerThrows_ReturnsUnhandledFunctionErrorWithTheErrorDocument()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"throw\",\"message\":\"lab unreachable\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("EchoFailureException", body.GetProperty("errorType").GetString());
        Assert.Equal("lab unreachable", body.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_NextInvocationIsServedByTheSameProcess()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();
        await emulator.InvokeJsonAsync("{\"action\":\"throw\"}");

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        Assert.Equal("false", response.Header(EmulatorHeaders.ColdStart));
        Assert.Equal("echo", body.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Invoke_ProcessExitsMidInvocation_ReturnsRuntimeExitError()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"crash\",\"exitCode\":7}");

        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("Crash", response.Header(EmulatorHeaders.Status));
        Assert.Equal("Runtime.ExitError", body.GetProperty("errorType").GetString());
        Assert.EndsWith("Error: Runtime exited with error: exit status 7", body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AfterACrash_StartsANewProcess()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();
        await emulator.InvokeJsonAsync("{\"action\":\"crash\"}");

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\",\"message\":\"again\"}");

        Assert.Equal("true", response.Header(EmulatorHeaders.ColdStart));
        Assert.Null(response.Header("X-Amz-Function-Error"));
        Assert.Equal("again", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invoke_InitFails_ReturnsTheInitErrorAndTheProcessExitsNonZero()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(variables: new Dictionary<string, string> { ["ECHO_INIT_FAILURE"] = "DR_PRIMARY_REGION is required." });

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("InitError", response.Header(EmulatorHeaders.Status));
        Assert.Equal("EchoConfigurationException", body.GetProperty("errorType").GetString());
        Assert.Equal("DR_PRIMARY_REGION is required.", body.GetProperty("errorMessage").GetString());
        var exitCode = Assert.Single(emulator.Host.Find(EmulatorUnderTest.FunctionName)!.LastExitCodes);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Invoke_RunsPastTheTimeout_ReturnsSandboxTimedout()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(timeout: TimeSpan.FromSeconds(1));

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"sleep\",\"milliseconds\":20000}");

        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("Sandbox.Timedout", body.GetProperty("errorType").GetString());
        Assert.EndsWith("Task timed out after 1.00 seconds", body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ResponseOverSixMegabytes_ReturnsResponseSizeTooLarge()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"big\",\"bytes\":6300000}");

        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("Function.ResponseSizeTooLarge", body.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Returns404ResourceNotFound()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var response = await emulator.InvokeAsync("{}", "nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Header("x-amzn-ErrorType"));
        Assert.Contains("function:nope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ByArnWithQualifier_ReachesTheFunction()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var response = await emulator.InvokeAsync(
            "{\"action\":\"echo\"}",
            Uri.EscapeDataString("arn:aws:lambda:ap-northeast-1:123456789012:function:echo:$LATEST"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("X-Amz-Function-Error"));
    }

    [Fact]
    public async Task Invoke_PayloadOverSixMegabytes_Returns413()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var response = await emulator.InvokeAsync("\"" + new string('x', InvokeEndpoints.MaxRequestBytes) + "\"");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestTooLargeException", response.Header("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task Invoke_FunctionEnvironment_HasLambdaVariablesAndTheFunctionsOwn()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(variables: new Dictionary<string, string> { ["DR_PRIMARY_REGION"] = "ap-east-2" });
        string[] names = ["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_REGION", "DR_PRIMARY_REGION", "AWS_LAMBDA_RUNTIME_API"];

        var (_, body) = await emulator.InvokeJsonAsync($"{{\"action\":\"env\",\"variables\":{JsonSerializer.Serialize(names)}}}");

        var environment = body.GetProperty("environment");
        Assert.Equal("echo", environment.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString());
        Assert.Equal("256", environment.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString());
        Assert.Equal("ap-northeast-1", environment.GetProperty("AWS_REGION").GetString());
        Assert.Equal("ap-east-2", environment.GetProperty("DR_PRIMARY_REGION").GetString());
        Assert.StartsWith("127.0.0.1:", environment.GetProperty("AWS_LAMBDA_RUNTIME_API").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CallerTraceHeader_IsTheFunctionsTraceIdAndTraceVariable()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();
        const string Trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

        var (_, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}", headers => headers.Add("X-Amzn-Trace-Id", Trace));

        Assert.Equal(Trace, body.GetProperty("traceId").GetString());
        Assert.Equal(Trace, body.GetProperty("traceEnvironmentVariable").GetString());
    }

    [Fact]
    public async Task Invoke_NoTraceHeader_FunctionGetsAGeneratedOne()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (_, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", body.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Invoke_Twice_SecondInvocationIsWarm()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (first, _) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");
        var (second, _) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        Assert.Equal("true", first.Header(EmulatorHeaders.ColdStart));
        Assert.NotNull(first.Header(EmulatorHeaders.StartToResponseMs));
        Assert.Equal("false", second.Header(EmulatorHeaders.ColdStart));
        Assert.Null(second.Header(EmulatorHeaders.StartToResponseMs));
        Assert.True(long.Parse(second.Header(EmulatorHeaders.MaxMemoryUsedKb)!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Invoke_Concurrently_ServesEachInvocationOnItsOwnInstance()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(maxInstances: 2);

        var slow = emulator.InvokeJsonAsync("{\"action\":\"sleep\",\"milliseconds\":1500}");
        var fast = emulator.InvokeJsonAsync("{\"action\":\"sleep\",\"milliseconds\":1500}");
        var results = await Task.WhenAll(slow, fast);

        Assert.All(results, result => Assert.Null(result.Response.Header("X-Amz-Function-Error")));
        Assert.Equal(2, emulator.Host.Find(EmulatorUnderTest.FunctionName)!.InstanceCount);
    }

    [Fact]
    public async Task Invoke_MoreConcurrentInvocationsThanInstances_QueuesThem()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(maxInstances: 1);

        var results = await Task.WhenAll(
            emulator.InvokeJsonAsync("{\"action\":\"echo\",\"message\":\"a\"}"),
            emulator.InvokeJsonAsync("{\"action\":\"echo\",\"message\":\"b\"}"));

        Assert.Equal(["a", "b"], results.Select(r => r.Body.GetProperty("message").GetString()).Order());
        Assert.Equal(1, emulator.Host.Find(EmulatorUnderTest.FunctionName)!.InstanceCount);
    }

    [Fact]
    public async Task Invoke_EventInvocationType_Returns202AndRunsTheFunction()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var response = await emulator.InvokeAsync("{\"action\":\"echo\"}", headers: headers => headers.Add("X-Amz-Invocation-Type", "Event"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var requestId = response.Header("x-amzn-RequestId");
        await WaitUntilAsync(() => emulator.Log.Lines.Any(line => line.Contains("\"REPORT\"", StringComparison.Ordinal) && line.Contains(requestId!, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invoke_MetricAction_FunctionOutputCarriesTheEmfRecord()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();

        var (response, _) = await emulator.InvokeJsonAsync("{\"action\":\"metric\"}");

        var requestId = response.Header("x-amzn-RequestId")!;
        var emf = emulator.Log.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .Single(record => record.TryGetProperty("_aws", out _));
        Assert.Equal(1, emf.GetProperty("EchoCount").GetDouble());
        Assert.Equal("echo", emf.GetProperty("FunctionName").GetString());
        Assert.Equal(requestId, emf.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task StopProcesses_WarmInstance_BootstrapExitsCleanlyOnSigtermAndTheNextInvocationIsCold()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();
        await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        var reset = await emulator.Client.DeleteAsync("/_emulator/functions/echo/instances");
        var (next, _) = await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, Assert.Single(emulator.Host.Find(EmulatorUnderTest.FunctionName)!.LastExitCodes));
        Assert.Equal("true", next.Header(EmulatorHeaders.ColdStart));
    }

    [Fact]
    public async Task ListFunctions_AfterAnInvocation_ReportsInstancesAndPeakMemory()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync();
        await emulator.InvokeJsonAsync("{\"action\":\"echo\"}");

        var functions = JsonDocument.Parse(await emulator.Client.GetStringAsync("/_emulator/functions")).RootElement;

        var echo = Assert.Single(functions.EnumerateArray());
        Assert.Equal("echo", echo.GetProperty("name").GetString());
        Assert.Equal(1, echo.GetProperty("instances").GetInt32());
        Assert.True(echo.GetProperty("peakResidentKb").GetInt64() > 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
