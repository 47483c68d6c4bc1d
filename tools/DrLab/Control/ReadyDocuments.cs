using System.Globalization;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>Builds the ready line: the base URL and the environment that points clients and functions at the lab.</summary>
internal static class ReadyDocuments
{
    public const string AccessKeyId = "AKIDDRLAB";
    public const string SecretAccessKey = "drlab-secret";

    /// <summary>
    /// The ready document; <paramref name="dns"/> is where the lab's DNS server listens (null before it started),
    /// <paramref name="witnessUrl"/> the witness Region's network (null without a witness).
    /// </summary>
    public static ReadyDocument Build(
        string baseUrl, LabWorld world, string observerRegion, DnsEndpointDocument? dns = null, string? witnessUrl = null)
    {
        var d = world.Definition;
        var profile = world.Profile;
        var durations = profile.Durations;
        string Seconds(double modelSeconds) => profile.ToWallSecondsAtLeastOne(modelSeconds).ToString(CultureInfo.InvariantCulture);
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = baseUrl,
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_REGION"] = observerRegion,
            ["AWS_DEFAULT_REGION"] = observerRegion,
            ["DR_PRIMARY_REGION"] = d.PrimaryRegion,
            ["DR_SECONDARY_REGION"] = d.SecondaryRegion,
            ["DR_GLOBAL_CLUSTER_ID"] = d.GlobalClusterId,
            ["DR_PRIMARY_CLUSTER_ARN"] = d.ClusterArn(d.PrimaryRegion),
            ["DR_SECONDARY_CLUSTER_ARN"] = d.ClusterArn(d.SecondaryRegion),
            ["DR_HOSTED_ZONE_ID"] = d.HostedZoneId,
            ["DR_RECORD_NAME"] = d.RecordName,
            ["DR_RECORD_TYPE"] = d.RecordType,
            ["DR_PRIMARY_SET_IDENTIFIER"] = d.SetIdentifiers[d.PrimaryRegion],
            ["DR_SECONDARY_SET_IDENTIFIER"] = d.SetIdentifiers[d.SecondaryRegion],
            ["DR_NORMAL_WEIGHTS"] = string.Create(CultureInfo.InvariantCulture, $"{d.NormalWeights.Primary},{d.NormalWeights.Secondary}"),
            ["DR_PRIMARY_HEALTH_URL"] = $"{baseUrl}/app/{d.PrimaryRegion}/actuator/health",
            ["DR_SECONDARY_HEALTH_URL"] = $"{baseUrl}/app/{d.SecondaryRegion}/actuator/health",
            ["DR_PRIMARY_HEALTH_CHECK_ID"] = d.HealthCheckIds[d.PrimaryRegion],
            ["DR_SECONDARY_HEALTH_CHECK_ID"] = d.HealthCheckIds[d.SecondaryRegion],
            ["DR_ALARM_NAMES"] = d.AlarmName(d.PrimaryRegion),
            ["DR_SECONDARY_ALARM_NAMES"] = d.AlarmName(d.SecondaryRegion),
            ["DR_STATE_MACHINE_ARN"] = d.StateMachineArn(observerRegion, WorldDefinition.StateMachineNames[0]),
            ["DR_HEALTH_CHECK_INTERVAL_SECONDS"] = Seconds(durations.HealthCheckIntervalSeconds),
            ["DR_HEALTH_CHECK_FAILURE_THRESHOLD"] = durations.HealthCheckFailureThreshold.ToString(CultureInfo.InvariantCulture),
            ["DR_ALARM_EVALUATION_SECONDS"] = Seconds(durations.AlarmPeriodSeconds),
            ["DR_DNS_TTL_SECONDS"] = Seconds(durations.DnsTtlSeconds),
            ["DR_PROMOTION_ESTIMATE_SECONDS"] = Seconds(durations.FailoverSeconds),
            ["DR_SWITCHOVER_ESTIMATE_SECONDS"] = Seconds(durations.SwitchoverSeconds),
            ["DR_PROPAGATION_ESTIMATE_SECONDS"] = Seconds(durations.DnsPropagationSeconds),
        };
        return new ReadyDocument(
            baseUrl,
            profile.Name,
            profile.TimeScale,
            observerRegion,
            d.Regions.ToDictionary(r => r, d.TopicArn, StringComparer.Ordinal),
            env,
            durations.MetricIngestionDelaySeconds,
            dns,
            d.WitnessRegion,
            d.WitnessRegion is { } witness && witnessUrl is not null ? Witness(witness, witnessUrl, d) : null);
    }

    /// <summary>What a function deployed in the witness Region uses: the witness network's endpoint and health URLs.</summary>
    private static WitnessDocument Witness(string region, string url, WorldDefinition d) => new(
        region,
        url,
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = url,
            ["DR_PRIMARY_HEALTH_URL"] = $"{url}/app/{d.PrimaryRegion}/actuator/health",
            ["DR_SECONDARY_HEALTH_URL"] = $"{url}/app/{d.SecondaryRegion}/actuator/health",
        });
}
