using System.Text.Json;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>A fault as the control API accepts it; durations in model seconds relative to the request.</summary>
internal sealed record FaultRequestDocument(
    string? Kind,
    string? Region,
    double? AtSeconds,
    double? DurationSeconds,
    double? Rate,
    string? Service,
    string? Operation,
    double? Factor,
    double? LagMilliseconds,
    double? DownSeconds,
    double? UpSeconds);

/// <summary>Several faults scheduled by one request (all relative to the same instant).</summary>
internal sealed record FaultBatchDocument(IReadOnlyList<FaultRequestDocument>? Faults);

/// <summary>A fault as the lab reports it.</summary>
internal sealed record FaultDocument(
    string Id,
    string Kind,
    string Status,
    string? Region,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    double? Rate,
    string? Service,
    string? Operation,
    double? Factor,
    double? LagMilliseconds,
    double? DownSeconds,
    double? UpSeconds,
    long Hits);

/// <summary>The faults a request added.</summary>
internal sealed record FaultListDocument(IReadOnlyList<FaultDocument> Faults);

/// <summary>A rejected control request, with every problem found.</summary>
internal sealed record ControlErrorDocument(string Error, IReadOnlyList<string> Messages);

/// <summary>Registers a Step Functions execution (for example the one the drill runs locally).</summary>
internal sealed record ExecutionRequestDocument(
    string? StateMachineArn,
    string? Name,
    string? Input,
    string? Status,
    string? Output,
    string? Error,
    string? Cause,
    double? StartedSecondsAgo,
    double? StoppedSecondsAgo);

/// <summary>Marks an execution finished; <c>events</c> (optional) is its history in the GetExecutionHistory HistoryEvent shape.</summary>
internal sealed record ExecutionFinishDocument(
    string? ExecutionArn, string? Name, string? Status, string? Output, string? Error, string? Cause,
    IReadOnlyList<JsonElement>? Events = null);

/// <summary>Moves the observer (where the functions run).</summary>
internal sealed record ObserverDocument(string? Region);

/// <summary>The ground truth: everything the lab knows about its world at one instant.</summary>
internal sealed record LabStateDocument(
    DateTimeOffset Now,
    DateTimeOffset StartedAt,
    string Profile,
    double TimeScale,
    string ObserverRegion,
    IReadOnlyList<RegionDocument> Regions,
    DatabaseDocument Database,
    DnsDocument Dns,
    WritesDocument Writes,
    LostWritesDocument LostWrites,
    IReadOnlyList<MessageDocument> Messages,
    IReadOnlyList<ExecutionDocument> Executions,
    IReadOnlyList<AlarmDocument> Alarms,
    IReadOnlyList<AlarmStateChangeDocument> AlarmStateChanges,
    IReadOnlyList<FaultDocument> Faults,
    IReadOnlyList<RequestDocument> Requests,
    TrafficDocument Traffic);

internal sealed record RegionDocument(
    string Name,
    string ConfiguredRole,
    bool ReachableFromObserver,
    string AppStatus,
    bool AppUp,
    bool DatabaseUp,
    bool Route53Healthy,
    string HealthCheckId,
    IReadOnlyList<CheckerDocument> Checkers);

internal sealed record CheckerDocument(string Region, bool Healthy, DateTimeOffset CheckedAt, string Report);

internal sealed record DatabaseDocument(
    string GlobalClusterId,
    string Status,
    string WriterRegion,
    string WriterClusterArn,
    IReadOnlyList<MemberDocument> Members,
    OperationDocument? CurrentOperation,
    IReadOnlyList<OperationDocument> Operations);

internal sealed record MemberDocument(string Region, string ClusterArn, bool IsWriter, string SynchronizationStatus);

internal sealed record OperationDocument(
    string Id,
    string Kind,
    string FromRegion,
    string ToRegion,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletesAt,
    DateTimeOffset? FinishedAt,
    string Outcome,
    long LostWrites,
    string? FailoverState);

/// <summary>
/// Route 53 in the state document: the weights, the change batches, the application name's weighted records with
/// their health as the data plane sees it, and the health checks with their checker model.
/// </summary>
internal sealed record DnsDocument(
    string HostedZoneId,
    string RecordName,
    IReadOnlyList<WeightDocument> Weights,
    IReadOnlyList<ChangeDocument> Changes,
    IReadOnlyList<DnsRecordDocument> Records,
    IReadOnlyList<HealthCheckDocument> HealthChecks);

internal sealed record WeightDocument(string SetIdentifier, string? Region, long Weight);

internal sealed record ChangeDocument(
    string Id, string Status, DateTimeOffset SubmittedAt, DateTimeOffset InsyncAt, string? Comment, IReadOnlyList<string> Changes);

internal sealed record WritesDocument(
    double RatePerModelSecond,
    long LastAcknowledgedSequence,
    long ReplicatedThroughSequence,
    string WriterRegion,
    bool Accepting,
    bool ReplicationUp,
    double RpoLagMilliseconds,
    double ReplicationLagMilliseconds);

/// <summary>Acknowledged writes lost by unplanned failovers: totals and one event per failover.</summary>
internal sealed record LostWritesDocument(long Count, double SpanSeconds, double ModelSpanSeconds, IReadOnlyList<LostWrites> Events);

internal sealed record MessageDocument(
    string MessageId, string TopicArn, string Region, string? Subject, string Message,
    IReadOnlyDictionary<string, string?> Attributes, DateTimeOffset PublishedAt);

internal sealed record ExecutionDocument(
    string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate,
    string Input, string? Output, string? Error, string? Cause);

/// <summary>A deployed alarm: the Region it lives in, the lab Region whose health check or cluster it watches (if any), its state.</summary>
internal sealed record AlarmDocument(
    string Name, string Region, string? WatchedRegion, string State, DateTimeOffset UpdatedAt, string Reason, string AlarmArn,
    string Type = AlarmDocument.MetricAlarmType, string? AlarmRule = null)
{
    public const string MetricAlarmType = "MetricAlarm";

    public const string CompositeAlarmType = "CompositeAlarm";
}

/// <summary>One alarm state change, oldest first, for delivering EventBridge's "CloudWatch Alarm State Change" events.</summary>
internal sealed record AlarmStateChangeDocument(
    string Name, string Region, string AlarmArn, string PreviousState, string State, DateTimeOffset UpdatedAt, string Reason, string ReasonData);

internal sealed record RequestDocument(
    DateTimeOffset At, string Service, string Operation, string Region, string Outcome, int HttpStatus, string RequestId, string? Detail,
    string? Principal);

/// <summary>The line printed when the lab is ready (also served at GET /_lab/config).</summary>
internal sealed record ReadyDocument(
    string BaseUrl,
    string Profile,
    double TimeScale,
    string ObserverRegion,
    IReadOnlyDictionary<string, string> TopicArns,
    IReadOnlyDictionary<string, string> Env,
    double MetricIngestionDelaySeconds,
    DnsEndpointDocument? Dns = null,
    string? WitnessRegion = null,
    WitnessDocument? Witness = null);

/// <summary>
/// The witness Region's view of the lab: its own port (requests arriving there come from the witness) and the variables
/// a function deployed in the witness Region needs (AWS_ENDPOINT_URL, the two health URLs through that port).
/// </summary>
internal sealed record WitnessDocument(string Region, string BaseUrl, IReadOnlyDictionary<string, string> Env);

/// <summary>Where the lab's DNS server (Route 53's data plane) listens: 127.0.0.1 and its UDP port.</summary>
internal sealed record DnsEndpointDocument(string Address, int Port);

/// <summary>A misconfiguration to inject (<c>POST /_lab/misconfigurations</c>): kind and the fields it needs.</summary>
internal sealed record MisconfigurationDocument(string? Kind, string? Region, string? Name, string? TopicArn);

/// <summary>What a misconfiguration changed.</summary>
internal sealed record MisconfigurationResultDocument(string Kind, string Changed);

/// <summary>Confirms pending SNS subscriptions (<c>POST /_lab/subscriptions/confirm</c>), as their endpoints' owners would.</summary>
internal sealed record SubscriptionConfirmDocument(string? TopicArn);

/// <summary>How many subscriptions were confirmed.</summary>
internal sealed record SubscriptionConfirmResultDocument(int Confirmed);
