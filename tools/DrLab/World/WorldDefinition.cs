using System.Globalization;

namespace DrLambdas.DrLab.World;

/// <summary>The names of everything in the lab world: Regions, clusters, DNS, health checks, alarms, topics, state machines.</summary>
internal sealed class WorldDefinition
{
    /// <summary>The account every lab ARN belongs to.</summary>
    public const string AccountId = "111122223333";

    /// <summary>The Route 53 health checker Regions and a checker address in each.</summary>
    public static IReadOnlyList<(string Region, string Address)> HealthCheckers { get; } =
    [
        ("us-east-1", "54.243.31.192"),
        ("us-west-1", "54.183.255.128"),
        ("us-west-2", "54.244.52.192"),
        ("eu-west-1", "54.228.16.0"),
        ("ap-southeast-1", "54.255.254.192"),
        ("ap-southeast-2", "54.252.254.192"),
        ("ap-northeast-1", "54.250.253.192"),
        ("sa-east-1", "54.232.40.64"),
    ];

    public WorldDefinition(
        string primaryRegion, string secondaryRegion, string primarySetIdentifier, string secondarySetIdentifier, string? witnessRegion = null)
    {
        PrimaryRegion = primaryRegion;
        WitnessRegion = witnessRegion;
        SecondaryRegion = secondaryRegion;
        Regions = [primaryRegion, secondaryRegion];
        SetIdentifiers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [primaryRegion] = primarySetIdentifier,
            [secondaryRegion] = secondarySetIdentifier,
        };
        RecordAddresses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [primaryRegion] = "192.0.2.10",
            [secondaryRegion] = "198.51.100.10",
        };
        HealthCheckIds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [primaryRegion] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000001",
            [secondaryRegion] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000002",
        };
    }

    public string PrimaryRegion { get; }

    public string SecondaryRegion { get; }

    /// <summary>
    /// A third Region outside both application Regions whose probes are an outside observer (templates/witness.yaml);
    /// null when the lab has none. It hosts no application and no lab resource: it only observes.
    /// </summary>
    public string? WitnessRegion { get; }

    /// <summary>Primary first.</summary>
    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyDictionary<string, string> SetIdentifiers { get; }

    public IReadOnlyDictionary<string, string> RecordAddresses { get; }

    public IReadOnlyDictionary<string, string> HealthCheckIds { get; }

    /// <summary>
    /// A Region's own endpoint name (its load balancer, in AWS terms), what a health check created through the API
    /// names as FullyQualifiedDomainName to probe that Region, e.g. <c>ap-east-2.api.example.com.</c>.
    /// </summary>
    public string EndpointName(string region) => $"{region}.{RecordName}";

    /// <summary>The Region whose endpoint a host name designates (case and trailing dot ignored), or null.</summary>
    public string? RegionOfEndpoint(string? hostName) => hostName is null
        ? null
        : Regions.FirstOrDefault(r => string.Equals(EndpointName(r), ResourceRecordSet.NormalizeName(hostName), StringComparison.Ordinal));

    public string GlobalClusterId { get; } = "drlab-global";

    public string GlobalClusterArn => $"arn:aws:rds::{AccountId}:global-cluster:{GlobalClusterId}";

    public string GlobalWriterEndpoint => $"{GlobalClusterId}.global-drlab.global.rds.amazonaws.com";

    public string HostedZoneId { get; } = "Z0DRLAB0123456789ABC";

    public string ZoneName { get; } = "example.com.";

    public string RecordName { get; } = "api.example.com.";

    public string RecordType { get; } = "A";

    public (int Primary, int Secondary) NormalWeights { get; } = (70, 30);

    public bool IsLabRegion(string region) => Regions.Contains(region, StringComparer.Ordinal);

    public string OtherRegion(string region) =>
        string.Equals(region, PrimaryRegion, StringComparison.Ordinal) ? SecondaryRegion : PrimaryRegion;

    public string ClusterId(string region) => ClusterPrefix + region;

    /// <summary>Cluster identifiers are this prefix and the Region name.</summary>
    public string ClusterPrefix { get; } = "app-";

    public string ClusterArn(string region) => $"arn:aws:rds:{region}:{AccountId}:cluster:{ClusterId(region)}";

    public string ClusterEndpoint(string region) => $"{ClusterId(region)}.cluster-drlab.{region}.rds.amazonaws.com";

    public string ClusterReaderEndpoint(string region) => $"{ClusterId(region)}.cluster-ro-drlab.{region}.rds.amazonaws.com";

    public string InstanceId(string region, int index) => string.Create(CultureInfo.InvariantCulture, $"{ClusterId(region)}-{index}");

    /// <summary>The Region of the cluster named by an ARN or an identifier, or null.</summary>
    public string? RegionOfCluster(string arnOrIdentifier) => Regions.FirstOrDefault(r =>
        string.Equals(arnOrIdentifier, ClusterArn(r), StringComparison.Ordinal)
        || string.Equals(arnOrIdentifier, ClusterId(r), StringComparison.OrdinalIgnoreCase));

    public string? RegionOfSetIdentifier(string setIdentifier) =>
        SetIdentifiers.FirstOrDefault(p => string.Equals(p.Value, setIdentifier, StringComparison.Ordinal)).Key;

    /// <summary>The alarm name the ready document suggests for a Region's health check (created only by PutMetricAlarm).</summary>
    public string AlarmName(string region) => $"{AlarmPrefix}{region}-unhealthy";

    public string AlarmPrefix { get; } = "drlab-";

    /// <summary>The topic ARN the ready document suggests (it exists only once CreateTopic created it).</summary>
    public string TopicArn(string region) => $"arn:aws:sns:{region}:{AccountId}:{TopicName}";

    public string TopicName { get; } = "dr-notifications";

    public string StateMachineArn(string region, string name) => $"arn:aws:states:{region}:{Account}:stateMachine:{name}";

    /// <summary>The account id (an instance view of <see cref="AccountId"/>).</summary>
    public string Account { get; } = AccountId;

    /// <summary>
    /// The state machine names the ready document's DR_STATE_MACHINE_ARN uses; nothing exists until CreateStateMachine
    /// creates it.
    /// </summary>
    public static IReadOnlyList<string> StateMachineNames { get; } = ["dr-failover", "dr-failback"];
}
