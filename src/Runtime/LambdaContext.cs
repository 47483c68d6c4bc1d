using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Runtime.RuntimeApi;

namespace DrLambdas.Runtime;

/// <summary>The <see cref="ILambdaContext"/> the host builds for each invocation.</summary>
internal sealed class LambdaContext(
    InvocationRequest invocation,
    FunctionIdentity function,
    TimeProvider timeProvider,
    ILambdaLogger logger,
    IMetricsWriter metrics) : ILambdaContext
{
    public string RequestId => invocation.RequestId;

    public string InvokedFunctionArn => invocation.InvokedFunctionArn;

    public string? TraceId => invocation.TraceId;

    public string FunctionName => function.Name;

    public string FunctionVersion => function.Version;

    public int MemoryLimitInMB => function.MemoryLimitInMB;

    public string? ClientContext => invocation.ClientContext;

    public string? CognitoIdentity => invocation.CognitoIdentity;

    public DateTimeOffset Deadline => invocation.Deadline;

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = invocation.Deadline - timeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public TimeProvider TimeProvider => timeProvider;

    public ILambdaLogger Logger => logger;

    public IMetricsWriter Metrics => metrics;
}
