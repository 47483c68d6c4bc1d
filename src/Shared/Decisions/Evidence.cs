using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>One-line evidence strings, shaped <c>source:who→what verdict: detail</c>.</summary>
public static class Evidence
{
    /// <summary>The evidence line of executions that could not be read.</summary>
    public const string ExecutionsUnreadable = "executions: unreadable";

    /// <summary>The evidence line of weighted records that could not be read.</summary>
    public const string WeightsUnreadable = "weights: unreadable";

    /// <summary>A health observation, e.g. <c>probe:ap-northeast-1→ap-east-2 unhealthy: timeout</c>.</summary>
    public static string Of(HealthSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return $"{KindLabel(signal.Kind)}:{signal.Observer}→{signal.Region} {VerdictLabel(signal.Verdict)}: {signal.Detail}";
    }

    /// <summary>An extra health signal, e.g. <c>extra:msk-replication-lag:orders-mm2-lag→ap-east-2 unhealthy: alarm ... ALARM</c>.</summary>
    public static string Of(ExtraSignalReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return $"extra:{reading.Kind}:{reading.AlarmName}→{reading.Region} {VerdictLabel(reading.Verdict)}: {reading.Detail}";
    }

    /// <summary>A global database member.</summary>
    public static string Of(ClusterMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var role = member.IsWriter ? "writer" : "reader";
        return $"cluster:{member.ClusterArn} in {member.Region}: {role}, {member.Status}, {SynchronisationLabel(member.Synchronisation)}";
    }

    /// <summary>The RPO lag measurement.</summary>
    public static string Of(ReplicationStatus replication)
    {
        ArgumentNullException.ThrowIfNull(replication);
        return replication.RpoLag is { } lag
            ? $"rpo-lag: {TextFormat.Seconds(lag)}" + (replication.MeasuredAt is { } at ? $" measured {TextFormat.Time(at)}" : " (measurement time unknown)")
            : "rpo-lag: no measurement";
    }

    /// <summary>A state machine execution.</summary>
    public static string Of(RecentExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var action = execution.Action is { } decided ? $", decided {decided}" : ", decision unknown";
        var stopped = execution.StoppedAt is { } at ? $", stopped {TextFormat.Time(at)}" : string.Empty;
        return $"execution:{execution.ExecutionId} {execution.Status}, started {TextFormat.Time(execution.StartedAt)}{stopped}{action}";
    }

    /// <summary>A global failover or switchover under way.</summary>
    public static string Of(GlobalOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var loss = operation.IsDataLossAllowed ? "with data loss allowed" : "without data loss";
        return $"global-operation: {operation.Status} {operation.FromClusterArn} → {operation.ToClusterArn} {loss}";
    }

    /// <summary>A weighted record's current weight.</summary>
    public static string Of(RecordWeight weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return $"weight:{weight.SetIdentifier} ({weight.Region}) = {weight.Weight}";
    }

    private static string KindLabel(SignalKind kind) => kind switch
    {
        SignalKind.Probe => "probe",
        SignalKind.Route53HealthCheck => "route53",
        SignalKind.Alarm => "alarm",
        _ => "database",
    };

    private static string VerdictLabel(Verdict verdict) => verdict switch
    {
        Verdict.Healthy => "healthy",
        Verdict.Unhealthy => "unhealthy",
        _ => "unknown",
    };

    private static string SynchronisationLabel(SynchronisationStatus status) => status switch
    {
        SynchronisationStatus.Connected => "connected",
        SynchronisationStatus.PendingResync => "pending-resync",
        _ => "synchronisation unknown",
    };
}
