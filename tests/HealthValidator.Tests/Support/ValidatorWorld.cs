using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Aws;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Functions.Common;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Support;

/// <summary>
/// Mocked AWS and probes around the validator. Starts as a calm world (both Regions healthy, Taiwan the writer,
/// Tokyo connected, weights 70/30, RPO lag 0.8 s); tests change the state, the mocks answer from it at call time.
/// </summary>
internal sealed class ValidatorWorld : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    public const string CurrentExecutionArn = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:current";
    public const string UsEast1 = "us-east-1";
    public const string PrimaryHealthCheckAlarm = "drlambdas-primary-health-check";

    /// <summary>The reference configuration plus the us-east-1 health-check alarm of the primary.</summary>
    public static DrConfiguration WithHealthCheckAlarm() =>
        Load(variables => variables[EnvironmentVariables.PrimaryHealthCheckAlarmName] = PrimaryHealthCheckAlarm);

    public ValidatorWorld(DrConfiguration? configuration = null)
    {
        Configuration = configuration ?? TestConfiguration.Default;
        Probe = new FakeHealthProbe(site =>
            new HealthSignal(SignalKind.Probe, site.Region, Nrt, ProbeVerdicts[site.Region],
            ProbeDetails.GetValueOrDefault(site.Region, $"probe {ProbeVerdicts[site.Region]}"), Time.GetUtcNow()));
        Route53.Setup(client => client.GetHealthCheckStatusAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken _) => Task.FromResult<IReadOnlyList<HealthCheckObservation>>(Checkers(id == TpeHealthCheckId ? Tpe : Nrt)));
        Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(new ResourceRecordSetPage(
                [Record("tpe", Weights.Tpe), Record("nrt", Weights.Nrt)], false, null, null, null)));
        CloudWatch.Setup(client => client.DescribeAlarmsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<string> names, string? region, CancellationToken _) => Task.FromResult<IReadOnlyList<CloudWatchAlarm>>(
                names.Where(AlarmStates.ContainsKey)
                    .Where(name => (region ?? Nrt) == (HealthCheckAlarms.Contains(name) ? UsEast1 : Nrt))
                    .Select(name => HealthCheckAlarms.Contains(name)
                        ? new CloudWatchAlarm(name, null, AlarmKind.Metric, AlarmStates[name], "Threshold Crossed", T0, "AWS/Route53", "HealthCheckStatus")
                        : new CloudWatchAlarm(name, null, AlarmKind.Metric, AlarmStates[name], "Threshold Crossed", T0, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"))
                    .ToList()));
        StepFunctions.Setup(client => client.GetExecutionHistoryAsync(It.IsAny<GetExecutionHistoryRequest>(), It.IsAny<CancellationToken>()))
            .Returns((GetExecutionHistoryRequest request, CancellationToken _) => Task.FromResult(
                new ExecutionHistoryPage(ExecutionHistories.GetValueOrDefault(request.ExecutionArn, []), null)));
        CloudWatch.Setup(client => client.GetMetricDataAsync(It.IsAny<GetMetricDataRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((GetMetricDataRequest request, string? region, CancellationToken _) => Task.FromResult<IReadOnlyList<MetricDataResult>>(
                request.Queries.Any(query => query.MetricStat?.Metric.Namespace == ProbeMetric.Namespace)
                    ? request.Queries.Select(query => ProbeResult(query, region)).ToList()
                    : [new MetricDataResult("rpoLag", "AuroraGlobalDBRPOLag", RpoLagMs is { } lag && region == Nrt ? [new MetricDataPoint(RpoLagAt, lag)] : [], "Complete")]));
        Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string? _, string? region, CancellationToken _) => Reachable(region, () => (IReadOnlyList<GlobalCluster>)[GlobalCluster()]));
        Rds.Setup(client => client.DescribeDbClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string? arn, string? region, CancellationToken _) => Reachable(region, () => (IReadOnlyList<DbCluster>)[DbCluster(arn!)]));
        StepFunctions.Setup(client => client.ListExecutionsAsync(It.IsAny<ListExecutionsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(new ExecutionPage(Executions, null)));
        StepFunctions.Setup(client => client.DescribeExecutionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string arn, CancellationToken _) => Task.FromResult(new ExecutionDescription(
                arn, StateMachineArn, "earlier", StepFunctionsExecutionStatus.Succeeded, T0.AddMinutes(-20), T0.AddMinutes(-10),
                "{}", ExecutionOutputs.GetValueOrDefault(arn), null, null)));
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public DrConfiguration Configuration { get; }

    public FakeHealthProbe Probe { get; }

    public Mock<IRdsClient> Rds { get; } = new();

    public Mock<IRoute53Client> Route53 { get; } = new();

    public Mock<ICloudWatchClient> CloudWatch { get; } = new();

    public Mock<IStepFunctionsClient> StepFunctions { get; } = new();

    public Dictionary<string, Verdict> ProbeVerdicts { get; } = new() { [Tpe] = Verdict.Healthy, [Nrt] = Verdict.Healthy };

    /// <summary>What the probe of a Region says besides its verdict; <c>probe {verdict}</c> when not set.</summary>
    public Dictionary<string, string> ProbeDetails { get; } = [];

    /// <summary>Healthy Route 53 checkers of 8, per Region.</summary>
    public Dictionary<string, int> HealthyCheckers { get; } = new() { [Tpe] = 8, [Nrt] = 8 };

    public Dictionary<string, CloudWatchAlarmState> AlarmStates { get; } = new()
    {
        [PrimaryAlarm] = CloudWatchAlarmState.Ok,
        [SecondaryAlarm] = CloudWatchAlarmState.Ok,
        [PrimaryHealthCheckAlarm] = CloudWatchAlarmState.Ok,
    };

    /// <summary>Regions whose RDS endpoint aborts connections.</summary>
    public HashSet<string> UnreachableRds { get; } = [];

    public string WriterArn { get; set; } = TpeArn;

    public string NrtSynchronisation { get; set; } = "connected";

    public string TpeSynchronisation { get; set; } = "connected";

    public Dictionary<string, string> ClusterStatus { get; } = new() { [TpeArn] = "available", [NrtArn] = "available" };

    public GlobalClusterFailoverState? FailoverState { get; set; }

    public double? RpoLagMs { get; set; } = 800;

    public DateTimeOffset RpoLagAt { get; set; } = T0;

    public (int Tpe, int Nrt) Weights { get; set; } = (70, 30);

    public List<ExecutionSummary> Executions { get; } =
        [new ExecutionSummary(CurrentExecutionArn, StateMachineArn, "current", StepFunctionsExecutionStatus.Running, T0, null)];

    public Dictionary<string, string> ExecutionOutputs { get; } = [];

    /// <summary>History events by execution ARN (<c>GetExecutionHistory</c>).</summary>
    public Dictionary<string, IReadOnlyList<HistoryEvent>> ExecutionHistories { get; } = [];

    /// <summary>Alarms on Route 53's HealthCheckStatus: they exist only in us-east-1.</summary>
    public HashSet<string> HealthCheckAlarms { get; } = [PrimaryHealthCheckAlarm];

    /// <summary>Asserts that nothing was probed or called.</summary>
    /// <summary>
    /// The <c>EndpointHealthy</c> seconds stored in Tokyo per (observer, target), newest last, one per second up to now;
    /// absent pairs have no datapoints.
    /// </summary>
    public Dictionary<(string Observer, string Target), double[]> ProbeSeries { get; } = [];

    private MetricDataResult ProbeResult(MetricDataQuery query, string? region)
    {
        var dimensions = query.MetricStat!.Metric.Dimensions.ToDictionary(d => d.Name, d => d.Value);
        var key = (dimensions[ProbeMetric.ObserverDimension], dimensions[ProbeMetric.TargetDimension]);
        var values = region == Nrt ? ProbeSeries.GetValueOrDefault(key, []) : [];
        var now = Time.GetUtcNow();
        return new MetricDataResult(query.Id, query.MetricStat.Metric.MetricName,
            values.Select((value, index) => new MetricDataPoint(now.AddSeconds(index - values.Length), value)).Reverse().ToList(), "Complete");
    }

    public void VerifyNoAwsOrProbeCall()
    {
        Assert.Empty(Probe.Calls);
        Rds.VerifyNoOtherCalls();
        Route53.VerifyNoOtherCalls();
        CloudWatch.VerifyNoOtherCalls();
        StepFunctions.VerifyNoOtherCalls();
    }

    /// <summary>SSM Parameter Store (approval tokens).</summary>
    public Mock<DrLambdas.Aws.Ssm.IParameterStore> Parameters { get; } = new();

    public ValidatorDependencies Dependencies => new(
        Configuration, Rds.Object, Route53.Object, CloudWatch.Object, StepFunctions.Object, Probe, Time, Parameters.Object);

    public OperationRouter Router => HealthValidatorFunction.CreateRouter(Dependencies);

    public TestLambdaContext Context { get; private set; } = null!;

    /// <summary>Runs <paramref name="input"/> through the function's router, as the Lambda host would.</summary>
    public async Task<T> InvokeAsync<T>(JsonElement input, JsonTypeInfo<T> outputType, TimeSpan? remaining = null) =>
        (await InvokeRawAsync(input, remaining)).Deserialize(outputType)!;

    /// <summary>Runs <paramref name="input"/> through the function's router and returns the JSON output.</summary>
    public Task<JsonElement> InvokeRawAsync(JsonElement input, TimeSpan? remaining = null)
    {
        Context?.Dispose();
        Context = new TestLambdaContext(Time, remaining);
        return Router.RouteAsync(input, Context, CancellationToken.None);
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public Task<AssessResponse> AssessAsync(JsonElement trigger, TimeSpan? remaining = null) => InvokeAsync(
        JsonSerializer.SerializeToElement(Assess(trigger), ContractsJsonContext.Default.AssessRequest),
        ContractsJsonContext.Default.AssessResponse,
        remaining);

    /// <summary>Taiwan down as a whole: app, Route 53 checks, alarm, and its RDS endpoint.</summary>
    public ValidatorWorld PrimaryRegionOutage()
    {
        PrimaryAppOutage();
        UnreachableRds.Add(Tpe);
        return this;
    }

    /// <summary>Taiwan's application reports DOWN; its database and APIs are fine.</summary>
    public ValidatorWorld PrimaryAppOutage()
    {
        ProbeVerdicts[Tpe] = Verdict.Unhealthy;
        HealthyCheckers[Tpe] = 0;
        AlarmStates[PrimaryAlarm] = CloudWatchAlarmState.Alarm;
        AlarmStates[PrimaryHealthCheckAlarm] = CloudWatchAlarmState.Alarm;
        return this;
    }

    /// <summary>Tokyo cannot reach Taiwan; Route 53's checkers (and the alarm on them) still see Taiwan healthy.</summary>
    public ValidatorWorld Partition()
    {
        ProbeVerdicts[Tpe] = Verdict.Unhealthy;
        UnreachableRds.Add(Tpe);
        return this;
    }

    /// <summary>Tokyo down by every signal kind; Taiwan healthy and the writer.</summary>
    public ValidatorWorld SecondaryOutage()
    {
        ProbeVerdicts[Nrt] = Verdict.Unhealthy;
        HealthyCheckers[Nrt] = 0;
        AlarmStates[SecondaryAlarm] = CloudWatchAlarmState.Alarm;
        UnreachableRds.Add(Nrt);
        return this;
    }

    public static JsonElement AlarmEvent(string alarmName, string state = "ALARM") => JsonDocument.Parse($$$"""
        {"version":"0","id":"c4c1c1c9-6542-e61b-6ef0-8c4d36933a92","detail-type":"CloudWatch Alarm State Change",
         "source":"aws.cloudwatch","account":"111122223333","time":"2026-11-25T23:59:30Z","region":"ap-northeast-1",
         "resources":["arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:{{{alarmName}}}"],
         "detail":{"alarmName":"{{{alarmName}}}","state":{"value":"{{{state}}}","reason":"Threshold Crossed"},"previousState":{"value":"OK"} } }
        """).RootElement.Clone();

    public static JsonElement ManualDocument(string mode, string? targetRegion = null, bool force = false) => JsonDocument.Parse(
        $$"""{"mode":"{{mode}}",{{(targetRegion is null ? "" : $"\"targetRegion\":\"{targetRegion}\",")}}"reason":"drill","force":{{(force ? "true" : "false")}},"requestedBy":"alice"}""")
        .RootElement.Clone();

    public static AssessRequest Assess(JsonElement trigger) =>
        new(OperationNames.Assess, trigger, new ExecutionReference(CurrentExecutionArn, "current", T0));

    public static AwsTransientException NetworkError(string operation) =>
        new("RDS", operation, AwsClientErrorCodes.NetworkError, "Connection reset by peer", null, null);

    public static AwsServiceException ServiceError(string service, string operation, string code) =>
        new(service, operation, code, $"{code} raised by the test", "req-1", HttpStatusCode.BadRequest, isRetryable: false);

    public GlobalCluster GlobalCluster() => new(
        GlobalClusterId, "arn:aws:rds::111122223333:global-cluster:app-global", "available", "aurora-postgresql", "16.4",
        "app-global.global-abc.global.rds.amazonaws.com",
        [
            new GlobalClusterMember(TpeArn, WriterArn == TpeArn, WriterArn == TpeArn ? [NrtArn] : [], WriterArn == TpeArn ? null : TpeSynchronisation, null),
            new GlobalClusterMember(NrtArn, WriterArn == NrtArn, WriterArn == NrtArn ? [TpeArn] : [], WriterArn == NrtArn ? null : NrtSynchronisation, null),
        ],
        FailoverState);

    public void Dispose() => Context?.Dispose();

    private Task<T> Reachable<T>(string? region, Func<T> answer) =>
        UnreachableRds.Contains(region ?? Nrt) ? Task.FromException<T>(NetworkError("Describe")) : Task.FromResult(answer());

    private List<HealthCheckObservation> Checkers(string region) => Enumerable.Range(0, 8)
        .Select(index => new HealthCheckObservation($"checker-{index}", "54.0.0." + index,
            index < HealthyCheckers[region] ? "Success: HTTP Status Code 200, OK" : "Failure: Connection timed out.", T0))
        .ToList();

    private DbCluster DbCluster(string arn) => new(
        arn.Split(':')[^1], arn, ClusterStatus[arn], "aurora-postgresql", "16.4", "writer.example", "reader.example", 5432, GlobalClusterId, null, []);

    private static ResourceRecordSet Record(string setIdentifier, int weight) =>
        new(RecordName, "A", setIdentifier, weight, 60, [setIdentifier == "tpe" ? "192.0.2.10" : "198.51.100.10"]);
}
