using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>Maps the world to the control API's documents.</summary>
internal static class StateDocuments
{
    public static LabStateDocument State(WorldState world)
    {
        var definition = world.Definition;
        var conditions = world.Conditions;
        var database = world.Database;
        var losses = world.Writes.Losses;
        return new LabStateDocument(
            world.Now,
            world.Epoch,
            world.Profile.Name,
            world.Profile.TimeScale,
            world.ObserverRegion,
            definition.Regions.Select(r => Region(world, r, conditions)).ToList(),
            new DatabaseDocument(
                definition.GlobalClusterId,
                database.Status,
                database.WriterRegion,
                definition.ClusterArn(database.WriterRegion),
                definition.Regions.Select(r => new MemberDocument(
                    r, definition.ClusterArn(r), string.Equals(r, database.WriterRegion, StringComparison.Ordinal),
                    database.SynchronizationStatus(r))).ToList(),
                database.Current is { } current ? Operation(current) : null,
                database.History.Select(Operation).ToList()),
            new DnsDocument(
                definition.HostedZoneId,
                definition.RecordName,
                world.Zone.Weights().Select(w => new WeightDocument(w.SetIdentifier, w.Region, w.Weight)).ToList(),
                world.Zone.Changes.Select(c => new ChangeDocument(
                    c.ApiId, c.StatusAt(world.Now), c.SubmittedAt, c.InsyncAt, c.Comment,
                    c.Changes.Select(x => $"{x.Action} {x.RecordSet.Describe()} weight={x.RecordSet.Weight}").ToList())).ToList(),
                DnsDocuments.Records(world),
                DnsDocuments.HealthChecks(world)),
            new WritesDocument(
                world.Profile.Durations.WritesPerSecond,
                world.Writes.LastAcknowledged,
                world.Writes.ReplicatedThrough,
                database.WriterRegion,
                database.AcceptingWrites(conditions),
                database.ReplicationUp(conditions),
                world.Writes.RpoLagModelMilliseconds(),
                world.Writes.ReplicationLagModelMilliseconds(world.Now, world.SteadyReplicationLagMilliseconds)),
            new LostWritesDocument(
                losses.Sum(l => l.Count),
                losses.Sum(l => l.SpanSeconds),
                losses.Sum(l => l.ModelSpanSeconds),
                losses.ToList()),
            world.Notifications.Messages.Select(m => new MessageDocument(
                m.MessageId, m.TopicArn, m.Region, m.Subject, m.Message,
                m.Attributes.ToDictionary(a => a.Name, a => a.StringValue ?? a.BinaryValue, StringComparer.Ordinal),
                m.PublishedAt)).ToList(),
            world.Executions.All.Select(Execution).ToList(),
            world.Alarms.All.Select(a => new AlarmDocument(
                    a.Definition.Name, a.Definition.Region, WatchedRegion(world, a.Definition), a.Value, a.UpdatedAt, a.Reason, a.Definition.Arn))
                .Concat(world.Alarms.Composites.Select(c => new AlarmDocument(
                    c.Definition.Name, c.Definition.Region, null, c.Value, c.UpdatedAt, c.Reason, c.Definition.Arn,
                    AlarmDocument.CompositeAlarmType, c.Definition.RuleText)))
                .ToList(),
            world.Alarms.Transitions.Select(t => new AlarmStateChangeDocument(
                t.Name, t.Region, t.Arn, t.PreviousState, t.State, t.At, t.Reason, t.ReasonData)).ToList(),
            world.Faults.All.Select(f => Fault(f, world.Now)).ToList(),
            Requests(world.Requests.Entries),
            TrafficDocuments.Of(world));
    }

    public static FaultDocument Fault(Fault fault, DateTimeOffset now)
    {
        var spec = fault.Spec;
        var status = fault.IsActiveAt(now) ? "active" : now < fault.StartsAt ? "scheduled" : "ended";
        var requestFault = fault.Kind is FaultKind.Throttling or FaultKind.ServerErrors;
        return new FaultDocument(
            fault.Id,
            fault.Kind.ToString(),
            status,
            spec.Region,
            fault.StartsAt,
            fault.EndsAt,
            requestFault ? spec.Rate : null,
            spec.Service,
            spec.Operation,
            fault.Kind is FaultKind.SlowPromotion or FaultKind.SlowDnsPropagation ? spec.Factor : null,
            fault.Kind == FaultKind.ReplicationLag ? spec.LagMilliseconds : null,
            fault.Kind == FaultKind.FlappingHealth ? spec.DownSeconds : null,
            fault.Kind == FaultKind.FlappingHealth ? spec.UpSeconds : null,
            fault.Hits);
    }

    public static ExecutionDocument Execution(Execution e) =>
        new(e.Arn, e.StateMachineArn, e.Name, e.Status, e.StartDate, e.StopDate, e.Input, e.Output, e.Error, e.Cause);

    public static IReadOnlyList<RequestDocument> Requests(IEnumerable<LoggedRequest> entries) => entries
        .Select(r => new RequestDocument(r.At, r.Service, r.Operation, r.Region, r.Outcome, r.HttpStatus, r.RequestId, r.Detail, r.Principal))
        .ToList();

    private static RegionDocument Region(WorldState world, string region, WorldConditions conditions)
    {
        var health = EndpointHealth.Of(region, conditions);
        return new RegionDocument(
            region,
            string.Equals(region, world.Definition.PrimaryRegion, StringComparison.Ordinal) ? "primary" : "secondary",
            world.IsReachableFromObserver(region),
            health.Healthy ? "UP" : "DOWN",
            conditions.IsAppUp(region),
            conditions.IsDatabaseUp(region),
            world.Checkers.IsHealthy(region),
            world.Definition.HealthCheckIds[region],
            world.Checkers.Observations(region).Select(c => new CheckerDocument(c.Region, c.Healthy, c.CheckedAt, c.Report)).ToList());
    }

    private static OperationDocument Operation(PromotionOperation op) => new(
        op.Id, op.Kind.ToString(), op.FromRegion, op.ToRegion, op.StartedAt, op.CompletesAt, op.FinishedAt, op.Outcome,
        op.Loss?.Count ?? 0,
        op.IsInProgress ? op.FailoverStatus : null);

    /// <summary>The lab Region an alarm watches: the Region of its health check or DB cluster dimension.</summary>
    private static string? WatchedRegion(WorldState world, AlarmDefinition alarm) => alarm.Dimensions
        .Select(d => d.Name switch
        {
            "HealthCheckId" => world.Checkers.TargetRegion(d.Value),
            "DBClusterIdentifier" => world.Definition.RegionOfCluster(d.Value),
            _ => null,
        })
        .FirstOrDefault(r => r is not null);
}
