using System.Runtime.InteropServices;
using DrLambdas.Runtime.Hosting;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.RuntimeApi;

namespace DrLambdas.Runtime;

/// <summary>
/// The entry point of a function's <c>bootstrap</c>:
/// <code>return await LambdaHost.RunAsync(init => LambdaHandler.Create(handler, MyJsonContext.Default.MyInput, MyJsonContext.Default.MyOutput));</code>
/// Reads <c>AWS_LAMBDA_RUNTIME_API</c>, initializes the function once (a failure is posted to
/// <c>/runtime/init/error</c> and the process exits non-zero), then serves invocations until SIGTERM.
/// </summary>
public static class LambdaHost
{
    /// <summary>Runs the function whose handler <paramref name="initialize"/> builds; returns the process exit code.</summary>
    public static Task<int> RunAsync(Func<LambdaInitContext, ILambdaHandler> initialize, LambdaHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        return RunAsync((context, _) => Task.FromResult(initialize(context)), options);
    }

    /// <summary>Runs the function whose handler <paramref name="initialize"/> builds asynchronously; returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        Func<LambdaInitContext, CancellationToken, Task<ILambdaHandler>> initialize,
        LambdaHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        options ??= new LambdaHostOptions();
        var output = JsonLineSink.StandardOutput();
        var address = ProcessEnvironment.Instance.GetVariable(LambdaEnvironmentVariables.RuntimeApi);
        if (string.IsNullOrWhiteSpace(address))
        {
            new JsonLineLogger(output, options.TimeProvider, LambdaLogLevel.Info).Log(
                LambdaLogLevel.Fatal,
                $"{LambdaEnvironmentVariables.RuntimeApi} is not set: this bootstrap must run inside Lambda or the DrLambdas emulator.",
                null,
                []);
            return LambdaExitCodes.RuntimeApiFailed;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            // Let the loop finish the current step and exit with 0 instead of being killed by the default handler.
            signal.Cancel = true;
            stop.Cancel();
        });
        using var runtimeApi = new RuntimeApiClient(address);
        var bootstrap = new LambdaBootstrap(runtimeApi, ProcessEnvironment.Instance, options.TimeProvider, output, options.MetricsNamespace);
        return await bootstrap.RunAsync(initialize, stop.Token);
    }
}
