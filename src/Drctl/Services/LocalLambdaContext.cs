using DrLambdas.Runtime;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Drctl.Services;

/// <summary>
/// The context the HealthValidator's operations run under inside drctl: its log lines and metrics are the
/// function's own, kept out of the operator's terminal (they would be CloudWatch's in Lambda).
/// </summary>
internal sealed class LocalLambdaContext : ILambdaContext
{
    private static readonly JsonLineSink Discard = new(Stream.Null);

    public LocalLambdaContext(TimeProvider timeProvider, TimeSpan budget)
    {
        TimeProvider = timeProvider;
        Deadline = timeProvider.GetUtcNow() + budget;
        Logger = new JsonLineLogger(Discard, timeProvider, LambdaLogLevel.Error).ForInvocation(RequestId, null);
        Metrics = new EmfMetricsWriter(Discard, timeProvider, "DrLambdas", new MetricDimension("FunctionName", FunctionName))
            .ForInvocation(RequestId, null);
    }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public string InvokedFunctionArn => "drctl";

    public string? TraceId => null;

    public string FunctionName => "drctl";

    public string FunctionVersion => "$LATEST";

    public int MemoryLimitInMB => 0;

    public string? ClientContext => null;

    public string? CognitoIdentity => null;

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - TimeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public TimeProvider TimeProvider { get; }

    public ILambdaLogger Logger { get; }

    public IMetricsWriter Metrics { get; }
}
