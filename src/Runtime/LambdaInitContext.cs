using DrLambdas.Runtime.Hosting;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Runtime;

/// <summary>What a function's initialization gets: its environment, clock, logger and metrics writer.</summary>
/// <param name="Environment">Environment variables (configuration is read from here, once).</param>
/// <param name="TimeProvider">The clock handlers should use.</param>
/// <param name="Logger">Init-phase logger (no requestId).</param>
/// <param name="Metrics">Init-phase metrics writer.</param>
/// <param name="Function">The function's name, version and memory.</param>
public sealed record LambdaInitContext(
    ILambdaEnvironment Environment,
    TimeProvider TimeProvider,
    ILambdaLogger Logger,
    IMetricsWriter Metrics,
    FunctionIdentity Function);
