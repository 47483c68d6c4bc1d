using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Aws;
using DrLambdas.HealthValidator;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Drctl.Services;

/// <summary>
/// The HealthValidator itself, in process: its evidence collector for <c>status</c> and its router's <c>assess</c>
/// (dry run) for <c>plan</c>, on drctl's AWS clients. Probes go from where drctl runs.
/// </summary>
internal sealed class HealthValidatorWorld : IWorldObserver, IDisposable
{
    private static readonly TimeSpan AssessBudget = TimeSpan.FromSeconds(60);
    private readonly DrConfiguration _configuration;
    private readonly HttpClient _probeClient;
    private readonly ValidatorDependencies _dependencies;
    private readonly TimeProvider _timeProvider;

    public HealthValidatorWorld(DrConfiguration configuration, AwsClientFactory aws, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(aws);
        _configuration = configuration;
        _timeProvider = timeProvider;
        _probeClient = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = configuration.Probes.AttemptTimeout,
            AllowAutoRedirect = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var probe = new ActuatorHealthProbe(
            _probeClient, configuration.Probes, configuration.Topology.RecoveryRegion, timeProvider, ActuatorHealthProbe.DefaultAttemptSpacing);
        _dependencies = new ValidatorDependencies(
            configuration, aws.Rds, aws.Route53, aws.CloudWatch, aws.StepFunctions, aws.ParameterStore, probe, aws.Sns, timeProvider);
    }

    public async Task<WorldSnapshot> ObserveAsync(CancellationToken cancellationToken)
    {
        var observedAt = _timeProvider.GetUtcNow();
        var collector = HealthValidatorFunction.CreateCollector(_dependencies);
        var evidence = await collector.CollectAsync(_configuration.Probes.SourceTimeout, cancellationToken);
        return new WorldSnapshot(
            evidence.Signals, evidence.GlobalCluster, evidence.Replication, evidence.RecentExecutions, evidence.CurrentWeights,
            evidence.Notes, observedAt);
    }

    public async Task<AssessResponse> AssessDryRunAsync(string requestedBy, string reason, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var name = "drctl-plan-" + now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new JsonObject
        {
            ["operation"] = OperationNames.Assess,
            ["trigger"] = ManualDocument.Create("dry-run", null, reason, force: false, requestedBy),
            ["execution"] = new JsonObject
            {
                ["id"] = "drctl:plan:" + name,
                ["name"] = name,
                ["startTime"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        using var input = JsonDocument.Parse(request.ToJsonString());
        var router = HealthValidatorFunction.CreateRouter(_dependencies);
        var output = await router.RouteAsync(input.RootElement, new LocalLambdaContext(_timeProvider, AssessBudget), cancellationToken);
        return output.Deserialize(ContractsJsonContext.Default.AssessResponse)
            ?? throw new DrctlException("the assessment returned nothing.");
    }

    public void Dispose() => _probeClient.Dispose();
}
