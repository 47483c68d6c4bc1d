using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>HealthValidator <c>probe</c> input, as EventBridge Scheduler sends it every minute.</summary>
/// <param name="Operation">Always <c>probe</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProbeRequest(string Operation);

/// <summary>HealthValidator <c>probe</c> output: what one invocation observed and published.</summary>
/// <param name="Observer">The Region the probes ran in (the metric's <c>Observer</c> dimension).</param>
/// <param name="MetricRegion">Where the datapoints were published.</param>
/// <param name="Rounds">Probe rounds started (one probe of each Region per round).</param>
/// <param name="Published">Datapoints CloudWatch accepted.</param>
/// <param name="PublishFailures">Datapoints lost because <c>PutMetricData</c> failed (missing data, never a failure vote).</param>
/// <param name="Targets">Per probed Region, the healthy and unhealthy probes.</param>
public sealed record ProbeResponse(
    string Observer,
    string MetricRegion,
    int Rounds,
    int Published,
    int PublishFailures,
    IReadOnlyList<ProbeTargetSummary> Targets);

/// <summary>One probed Region's results in a <c>probe</c> invocation.</summary>
/// <param name="Target">The Region probed.</param>
/// <param name="Healthy">Probes that saw it UP (published 1).</param>
/// <param name="Unhealthy">Probes that saw it failing (published 0).</param>
/// <param name="Unknown">Probes without a completed attempt: not published.</param>
public sealed record ProbeTargetSummary(string Target, int Healthy, int Unhealthy, int Unknown);
