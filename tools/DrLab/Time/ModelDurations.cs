namespace DrLambdas.DrLab.Time;

/// <summary>Durations and rates of the modelled world in model seconds, taken from AWS documentation.</summary>
/// <param name="FailoverSeconds">Aurora global database failover (AllowDataLoss): typically about a minute.</param>
/// <param name="SwitchoverSeconds">Aurora global database switchover: a couple of minutes.</param>
/// <param name="DnsPropagationSeconds">Route 53 change PENDING → INSYNC: within 60 seconds.</param>
/// <param name="HealthCheckIntervalSeconds">Route 53 health check request interval (standard: 30 s).</param>
/// <param name="HealthCheckFailureThreshold">Consecutive results that change a checker's verdict (default 3).</param>
/// <param name="AlarmPeriodSeconds">CloudWatch alarm period on the health check metric (one evaluation period).</param>
/// <param name="MetricPeriodSeconds">Publication interval of the Aurora global database metrics.</param>
/// <param name="ReplicationLagMilliseconds">Steady-state storage replication lag between Regions (typically under a second).</param>
/// <param name="ResyncSeconds">Time an old primary needs to resynchronise after it rejoins as a secondary.</param>
/// <param name="WritesPerSecond">Acknowledged application writes per model second.</param>
/// <param name="DnsTtlSeconds">TTL of the weighted records.</param>
/// <param name="MetricIngestionDelaySeconds">
/// Time between a CloudWatch datapoint's timestamp (or the end of its minute for 1-minute data) and the moment
/// GetMetricData and alarm evaluation can see it. AWS documents no fixed figure; see the README for the assumption.
/// </param>
/// <param name="PromotionVerificationSeconds">
/// How long a switchover or failover stays <c>pending</c> (AWS verifies both clusters) before it proceeds or is cancelled.
/// </param>
/// <param name="PromotionCancellationSeconds">How long a refused switchover or failover stays <c>cancelling</c>.</param>
/// <param name="WriterEndpointTtlSeconds">TTL of the Aurora global writer endpoint's DNS record (Aurora's DNS zones use 5 s).</param>
/// <param name="WriterEndpointRepointSeconds">
/// From a completed switchover or failover to the global writer endpoint's record leading to the new writer. AWS documents
/// no figure; see the README for the assumption.
/// </param>
/// <param name="ReconnectSeconds">
/// From the application learning a new writer-endpoint target to its writes succeeding there (connection pool eviction and
/// new connections). AWS documents no figure; see the README for the assumption.
/// </param>
internal sealed record ModelDurations(
    double FailoverSeconds,
    double SwitchoverSeconds,
    double DnsPropagationSeconds,
    double HealthCheckIntervalSeconds,
    int HealthCheckFailureThreshold,
    double AlarmPeriodSeconds,
    double MetricPeriodSeconds,
    double ReplicationLagMilliseconds,
    double ResyncSeconds,
    double WritesPerSecond,
    int DnsTtlSeconds,
    double MetricIngestionDelaySeconds,
    double PromotionVerificationSeconds,
    double PromotionCancellationSeconds,
    double WriterEndpointTtlSeconds,
    double WriterEndpointRepointSeconds,
    double ReconnectSeconds)
{
    /// <summary>The reference values.</summary>
    public static ModelDurations AwsDocumented { get; } = new(
        FailoverSeconds: 60,
        SwitchoverSeconds: 120,
        DnsPropagationSeconds: 60,
        HealthCheckIntervalSeconds: 30,
        HealthCheckFailureThreshold: 3,
        AlarmPeriodSeconds: 60,
        MetricPeriodSeconds: 60,
        ReplicationLagMilliseconds: 800,
        ResyncSeconds: 300,
        WritesPerSecond: 10,
        DnsTtlSeconds: 60,
        MetricIngestionDelaySeconds: 5,
        PromotionVerificationSeconds: 10,
        PromotionCancellationSeconds: 30,
        WriterEndpointTtlSeconds: 5,
        WriterEndpointRepointSeconds: 10,
        ReconnectSeconds: 5);
}
