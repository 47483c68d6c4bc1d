using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Runtime.RuntimeApi;

namespace DrLambdas.Runtime.Hosting;

/// <summary>
/// The runtime's life cycle: initialize the function once, then fetch, handle and answer invocations
/// until stopped. Every dependency (Runtime API, environment, clock, output) is injected, so the whole
/// loop runs in tests against a fake API.
/// </summary>
public sealed class LambdaBootstrap
{
    /// <summary>The largest response a synchronous invocation may return (6 MB).</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    /// <summary>The errorType reported when a response exceeds <see cref="MaxResponseBytes"/>, as Lambda names it.</summary>
    public const string ResponseTooLargeErrorType = "Function.ResponseSizeTooLarge";

    private readonly IRuntimeApiClient _runtimeApi;
    private readonly ILambdaEnvironment _environment;
    private readonly TimeProvider _timeProvider;
    private readonly FunctionIdentity _function;
    private readonly JsonLineLogger _logger;
    private readonly EmfMetricsWriter _metrics;

    /// <summary>A bootstrap over the given dependencies; log and EMF lines go to <paramref name="output"/>.</summary>
    public LambdaBootstrap(
        IRuntimeApiClient runtimeApi,
        ILambdaEnvironment environment,
        TimeProvider timeProvider,
        JsonLineSink output,
        string metricsNamespace)
    {
        ArgumentNullException.ThrowIfNull(runtimeApi);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(output);
        _runtimeApi = runtimeApi;
        _environment = environment;
        _timeProvider = timeProvider;
        _function = FunctionIdentity.From(environment);
        var minimumLevel = LogLevelNames.Parse(environment.GetVariable(LambdaEnvironmentVariables.LogLevel), LambdaLogLevel.Info);
        _logger = new JsonLineLogger(output, timeProvider, minimumLevel);
        MetricDimension[] defaultDimensions = _function.Name.Length > 0 ? [new("FunctionName", _function.Name)] : [];
        _metrics = new EmfMetricsWriter(output, timeProvider, metricsNamespace, defaultDimensions);
    }

    /// <summary>
    /// Initializes with <paramref name="initialize"/>, then serves invocations until
    /// <paramref name="stopToken"/> is cancelled. Returns a <see cref="LambdaExitCodes"/> value.
    /// </summary>
    public async Task<int> RunAsync(
        Func<LambdaInitContext, CancellationToken, Task<ILambdaHandler>> initialize,
        CancellationToken stopToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        var handler = await InitializeAsync(initialize, stopToken);
        if (handler is null)
        {
            return LambdaExitCodes.InitializationFailed;
        }

        try
        {
            while (!stopToken.IsCancellationRequested)
            {
                var invocation = await _runtimeApi.GetNextInvocationAsync(stopToken);
                await ServeAsync(handler, invocation, stopToken);
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            _logger.Info("Runtime stopping: shutdown requested.");
            return LambdaExitCodes.Success;
        }
        catch (RuntimeApiException exception)
        {
            _logger.Log(LambdaLogLevel.Fatal, "Runtime API failure; the runtime exits.", exception, []);
            return LambdaExitCodes.RuntimeApiFailed;
        }

        _logger.Info("Runtime stopping: shutdown requested.");
        return LambdaExitCodes.Success;
    }

    private async Task<ILambdaHandler?> InitializeAsync(
        Func<LambdaInitContext, CancellationToken, Task<ILambdaHandler>> initialize,
        CancellationToken stopToken)
    {
        try
        {
            var context = new LambdaInitContext(_environment, _timeProvider, _logger, _metrics, _function);
            return await initialize(context, stopToken);
        }
#pragma warning disable CA1031 // Every init failure, whatever its type, must reach /init/error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var report = LambdaErrorReport.FromException(exception);
            _logger.Log(LambdaLogLevel.Fatal, "Function initialization failed.", exception, []);
            try
            {
                await _runtimeApi.PostInitErrorAsync(report, CancellationToken.None);
            }
            catch (RuntimeApiException postFailure)
            {
                _logger.Log(LambdaLogLevel.Fatal, "Could not report the init error to the Runtime API.", postFailure, []);
            }

            return null;
        }
    }

    private async Task ServeAsync(ILambdaHandler handler, InvocationRequest invocation, CancellationToken stopToken)
    {
        _environment.SetVariable(LambdaEnvironmentVariables.TraceId, invocation.TraceId);
        var logger = _logger.ForInvocation(invocation.RequestId, invocation.TraceId);
        var context = new LambdaContext(
            invocation,
            _function,
            _timeProvider,
            logger,
            _metrics.ForInvocation(invocation.RequestId, invocation.TraceId));

        using var deadline = new CancellationTokenSource(context.RemainingTime, _timeProvider);
        using var invocationToken = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopToken);
        ReadOnlyMemory<byte> response;
        try
        {
            response = await handler.HandleAsync(invocation.Payload, context, invocationToken.Token);
        }
#pragma warning disable CA1031 // A handler failure of any type is reported and the loop goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.Error("Invocation failed.", exception);
            await PostErrorAsync(invocation.RequestId, LambdaErrorReport.FromException(exception), logger);
            return;
        }

        if (response.Length > MaxResponseBytes)
        {
            await PostErrorAsync(invocation.RequestId, ResponseTooLarge(response.Length), logger);
            return;
        }

        try
        {
            await _runtimeApi.PostResponseAsync(invocation.RequestId, response, CancellationToken.None);
        }
        catch (RuntimeApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.RequestEntityTooLarge)
        {
            await PostErrorAsync(invocation.RequestId, ResponseTooLarge(response.Length), logger);
        }
        catch (RuntimeApiException exception) when (!exception.IsFatal)
        {
            logger.Error("The Runtime API refused the response.", exception);
        }
    }

    private static LambdaErrorReport ResponseTooLarge(int length) => new(
        ResponseTooLargeErrorType,
        $"Response payload size ({length} bytes) exceeded maximum allowed payload size ({MaxResponseBytes} bytes).",
        []);

    private async Task PostErrorAsync(string requestId, LambdaErrorReport report, ILambdaLogger logger)
    {
        if (report.ErrorType == ResponseTooLargeErrorType)
        {
            logger.Error(report.ErrorMessage, new LogField("errorType", report.ErrorType));
        }

        try
        {
            await _runtimeApi.PostInvocationErrorAsync(requestId, report, CancellationToken.None);
        }
        catch (RuntimeApiException exception) when (!exception.IsFatal)
        {
            logger.Error("The Runtime API refused the error report.", exception);
        }
    }
}
