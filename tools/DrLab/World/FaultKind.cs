namespace DrLambdas.DrLab.World;

/// <summary>The failures the lab can inject.</summary>
internal enum FaultKind
{
    /// <summary>A whole Region down: application, database and the Region's API endpoints; Route 53's checks fail.</summary>
    RegionOutage,

    /// <summary>The Region's application reports DOWN; its database and APIs are fine.</summary>
    AppOutage,

    /// <summary>The Region's database is down: no writes, no replication, the application's db component is DOWN.</summary>
    DatabaseOutage,

    /// <summary>The two Regions cannot reach each other; Route 53's world-wide checkers still see both healthy.</summary>
    Partition,

    /// <summary>A fraction of AWS API calls answered with the service's throttling error.</summary>
    Throttling,

    /// <summary>A fraction of AWS API calls answered with a 5xx service error.</summary>
    ServerErrors,

    /// <summary>Aurora switchover and failover take <c>factor</c> times longer.</summary>
    SlowPromotion,

    /// <summary>Aurora switchover and failover started meanwhile never finish until the fault ends.</summary>
    StuckPromotion,

    /// <summary>Route 53 changes take <c>factor</c> times longer to become INSYNC.</summary>
    SlowDnsPropagation,

    /// <summary>The Region's application alternates DOWN and UP.</summary>
    FlappingHealth,

    /// <summary>Cross-Region replication lag raised to <c>lagMilliseconds</c>.</summary>
    ReplicationLag,

    /// <summary>
    /// The Route 53 API (its control plane lives in us-east-1) cannot be reached: every request to it has its
    /// connection aborted, as when us-east-1 is impaired. Route 53's data plane (health checkers, DNS answers) keeps
    /// working.
    /// </summary>
    Route53ApiUnreachable,

    /// <summary>
    /// The witness Region can reach nothing: its probes of both Regions and its PutMetricData into the recovery Region
    /// have their connections aborted, so it publishes nothing (missing data, never a failure vote). Needs a witness.
    /// </summary>
    WitnessUnreachable,
}
