using DrLambdas.Errors;
using DrLambdas.Shared.Domain;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Configuration;

/// <summary>Builds <see cref="DrConfiguration"/> from variables, validating everything before failing.</summary>
internal static class ConfigurationLoader
{
    private const int MaxSetIdentifierLength = 128;

    public static DrConfiguration Load(Func<string, string?> readVariable)
    {
        var reader = new VariableReader(readVariable);

        var recoveryRegion = RegionName(reader, Env.AwsRegion);
        var (primaryWeight, secondaryWeight) = NormalWeights(reader);
        var primary = Site(reader, RegionRole.Primary, primaryWeight);
        var secondary = Site(reader, RegionRole.Secondary, secondaryWeight);
        CheckDistinctSites(reader, primary, secondary);

        var topology = new DrTopology(primary, secondary, GlobalClusterId(reader), recoveryRegion);
        var configuration = new DrConfiguration(
            topology,
            Dns(reader),
            Alarms(reader),
            Policy(reader),
            Probes(reader),
            Rto(reader),
            new OperationTimeouts(
                reader.Seconds(Env.PromotionTimeoutSeconds, ConfigurationDefaults.PromotionTimeoutSeconds, 1),
                reader.Seconds(Env.PropagationTimeoutSeconds, ConfigurationDefaults.PropagationTimeoutSeconds, 1),
                reader.Seconds(Env.PromotionReportingGraceSeconds, ConfigurationDefaults.PromotionReportingGraceSeconds, 1),
                reader.Seconds(Env.PinRetrySeconds, ConfigurationDefaults.PinRetrySeconds, 1)),
            Failback(reader))
        {
            ApprovalParameterPrefix = ApprovalParameterPrefix(reader),
        };

        if (reader.Problems.Count > 0)
        {
            throw new ConfigurationException(reader.Problems);
        }

        return configuration;
    }

    /// <summary>An absolute SSM path without a trailing slash: /drlambdas/STACK/approvals.</summary>
    private static string? ApprovalParameterPrefix(VariableReader reader)
    {
        var prefix = reader.Optional(Env.ApprovalParameterPrefix);
        if (prefix is not null && !ConfigurationFormats.ParameterPath().IsMatch(prefix))
        {
            reader.Problem(Env.ApprovalParameterPrefix, $"must be an absolute SSM parameter path such as /drlambdas/dr/approvals (letters, digits, . - _ /; no trailing slash), got '{prefix}'");
        }

        return prefix;
    }

    private static RegionSite Site(VariableReader reader, RegionRole role, int normalWeight)
    {
        var isPrimary = role == RegionRole.Primary;
        var region = RegionName(reader, isPrimary ? Env.PrimaryRegion : Env.SecondaryRegion);
        var arnVariable = isPrimary ? Env.PrimaryClusterArn : Env.SecondaryClusterArn;
        var setVariable = isPrimary ? Env.PrimarySetIdentifier : Env.SecondarySetIdentifier;
        var urlVariable = isPrimary ? Env.PrimaryHealthUrl : Env.SecondaryHealthUrl;
        var checkVariable = isPrimary ? Env.PrimaryHealthCheckId : Env.SecondaryHealthCheckId;

        return new RegionSite(
            region,
            role,
            ClusterArn(reader, arnVariable, region),
            SetIdentifier(reader, setVariable),
            HealthUrl(reader, urlVariable),
            HealthCheckId(reader, checkVariable),
            normalWeight);
    }

    private static string RegionName(VariableReader reader, string name)
    {
        var value = reader.Required(name);
        if (value.Length > 0 && !ConfigurationFormats.RegionName().IsMatch(value))
        {
            reader.Problem(name, $"must be an AWS Region name such as ap-east-2, got '{value}'");
        }

        return value;
    }

    private static string ClusterArn(VariableReader reader, string name, string region)
    {
        var value = reader.Required(name);
        if (value.Length == 0)
        {
            return value;
        }

        var match = ConfigurationFormats.ClusterArn().Match(value);
        if (!match.Success)
        {
            reader.Problem(name, $"must be an Aurora cluster ARN (arn:aws:rds:REGION:ACCOUNT:cluster:NAME), got '{value}'");
        }
        else if (region.Length > 0 && !string.Equals(match.Groups["region"].Value, region, StringComparison.Ordinal))
        {
            reader.Problem(name, $"is in Region {match.Groups["region"].Value} but the Region it belongs to is {region}");
        }

        return value;
    }

    private static string SetIdentifier(VariableReader reader, string name)
    {
        var value = reader.Required(name);
        if (value.Length > MaxSetIdentifierLength)
        {
            reader.Problem(name, $"must be at most {MaxSetIdentifierLength} characters, got {value.Length}");
        }

        return value;
    }

    private static Uri HealthUrl(VariableReader reader, string name)
    {
        var value = reader.Required(name);
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        if (value.Length > 0)
        {
            reader.Problem(name, $"must be an absolute http(s) URL, got '{value}'");
        }

        return new Uri("https://invalid.invalid/");
    }

    private static string? HealthCheckId(VariableReader reader, string name)
    {
        var value = reader.Optional(name);
        if (value is not null && !Guid.TryParse(value, out _))
        {
            reader.Problem(name, $"must be a Route 53 health check id (a UUID), got '{value}'");
        }

        return value;
    }

    private static (int Primary, int Secondary) NormalWeights(VariableReader reader)
    {
        var weights = reader.IntegerList(Env.NormalWeights, ConfigurationDefaults.NormalWeights);
        if (weights is null)
        {
            return (0, 0);
        }

        if (weights.Count != 2)
        {
            reader.Problem(Env.NormalWeights, $"must be two weights 'primary,secondary', got {weights.Count}");
            return (0, 0);
        }

        if (weights.Any(weight => weight is < 0 or > RecordWeight.MaxWeight))
        {
            reader.Problem(Env.NormalWeights, $"weights must be between 0 and {RecordWeight.MaxWeight}");
        }
        else if (weights.All(weight => weight == 0))
        {
            reader.Problem(Env.NormalWeights, "must not be all zero (Route 53 would then split traffic evenly)");
        }

        return (weights[0], weights[1]);
    }

    private static void CheckDistinctSites(VariableReader reader, RegionSite primary, RegionSite secondary)
    {
        if (primary.Region.Length > 0 && primary.Region == secondary.Region)
        {
            reader.Problem(Env.SecondaryRegion, $"must differ from {Env.PrimaryRegion} ({primary.Region})");
        }

        if (primary.SetIdentifier.Length > 0 && primary.SetIdentifier == secondary.SetIdentifier)
        {
            reader.Problem(Env.SecondarySetIdentifier, $"must differ from {Env.PrimarySetIdentifier} ({primary.SetIdentifier})");
        }

        if (primary.ClusterArn.Length > 0 && primary.ClusterArn == secondary.ClusterArn)
        {
            reader.Problem(Env.SecondaryClusterArn, $"must differ from {Env.PrimaryClusterArn}");
        }
    }

    private static string GlobalClusterId(VariableReader reader)
    {
        var value = reader.Required(Env.GlobalClusterId);
        if (value.Length > 0 && !ConfigurationFormats.GlobalClusterId().IsMatch(value))
        {
            reader.Problem(Env.GlobalClusterId, $"must start with a letter and contain only letters, digits and hyphens, got '{value}'");
        }

        return value;
    }

    private static DnsSettings Dns(VariableReader reader)
    {
        var zone = reader.Required(Env.HostedZoneId);
        if (zone.Length > 0 && !ConfigurationFormats.HostedZoneId().IsMatch(zone))
        {
            reader.Problem(Env.HostedZoneId, $"must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got '{zone}'");
        }

        var recordName = reader.Required(Env.RecordName).ToLowerInvariant();
        if (recordName.Length > 0 && !recordName.EndsWith('.'))
        {
            recordName += ".";
        }

        var recordType = (reader.Optional(Env.RecordType) ?? ConfigurationDefaults.RecordType).ToUpperInvariant();
        if (!ConfigurationFormats.RecordTypes.Contains(recordType))
        {
            reader.Problem(Env.RecordType, $"must be one of {string.Join(", ", ConfigurationFormats.RecordTypes)}, got '{recordType}'");
        }

        return new DnsSettings(zone, recordName, recordType);
    }

    private static AlarmSettings Alarms(VariableReader reader)
    {
        var primary = reader.List(Env.AlarmNames);
        var secondary = reader.List(Env.SecondaryAlarmNames);
        var shared = primary.Intersect(secondary, StringComparer.Ordinal).ToList();
        if (shared.Count > 0)
        {
            reader.Problem(Env.SecondaryAlarmNames, $"must not repeat alarms of {Env.AlarmNames}: {string.Join(", ", shared)}");
        }

        var primaryCheck = reader.Optional(Env.PrimaryHealthCheckAlarmName);
        var secondaryCheck = reader.Optional(Env.SecondaryHealthCheckAlarmName);
        CheckUnique(reader, Env.PrimaryHealthCheckAlarmName, primaryCheck, primary.Concat(secondary));
        CheckUnique(reader, Env.SecondaryHealthCheckAlarmName, secondaryCheck, primary.Concat(secondary).Append(primaryCheck));
        var primaryProbe = reader.Optional(Env.PrimaryProbeAlarmName);
        var secondaryProbe = reader.Optional(Env.SecondaryProbeAlarmName);
        CheckUnique(reader, Env.PrimaryProbeAlarmName, primaryProbe, primary.Concat(secondary).Append(primaryCheck).Append(secondaryCheck));
        CheckUnique(reader, Env.SecondaryProbeAlarmName, secondaryProbe,
            primary.Concat(secondary).Append(primaryCheck).Append(secondaryCheck).Append(primaryProbe));
        var checkRegion = reader.Optional(Env.HealthCheckAlarmRegion) ?? ConfigurationDefaults.HealthCheckAlarmRegion;
        if (!ConfigurationFormats.RegionName().IsMatch(checkRegion))
        {
            reader.Problem(Env.HealthCheckAlarmRegion, $"must be an AWS Region name such as us-east-1, got '{checkRegion}'");
        }

        var stateMachine = reader.Optional(Env.StateMachineArn);
        if (stateMachine is not null && !ConfigurationFormats.StateMachineArn().IsMatch(stateMachine))
        {
            reader.Problem(Env.StateMachineArn, $"must be a state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME), got '{stateMachine}'");
        }

        return new AlarmSettings(primary, secondary, stateMachine, primaryCheck, secondaryCheck, checkRegion)
        {
            PrimaryProbeAlarm = primaryProbe,
            SecondaryProbeAlarm = secondaryProbe,
        };
    }

    /// <summary>One alarm means one thing: a name listed twice would make the Region it speaks about ambiguous.</summary>
    private static void CheckUnique(VariableReader reader, string name, string? alarm, IEnumerable<string?> others)
    {
        if (alarm is not null && others.Contains(alarm, StringComparer.Ordinal))
        {
            reader.Problem(name, $"names alarm '{alarm}', which another alarm variable already lists");
        }
    }

    private static DecisionPolicy Policy(VariableReader reader) => new(
        reader.Integer(Env.Quorum, ConfigurationDefaults.Quorum, 1, DecisionPolicy.SignalKindCount),
        reader.Seconds(Env.CooldownSeconds, ConfigurationDefaults.CooldownSeconds, 0),
        reader.Seconds(Env.DataLossBudgetSeconds, ConfigurationDefaults.DataLossBudgetSeconds, 0),
        reader.Seconds(Env.RtoTargetSeconds, ConfigurationDefaults.RtoTargetSeconds, 1),
        reader.Seconds(Env.RpoTargetSeconds, ConfigurationDefaults.RpoTargetSeconds, 0),
        reader.Seconds(Env.RpoLagMaxAgeSeconds, ConfigurationDefaults.RpoLagMaxAgeSeconds, 1));

    private static ProbeSettings Probes(VariableReader reader) => new(
        reader.Integer(Env.ProbeAttempts, ConfigurationDefaults.ProbeAttempts, 1, 10),
        reader.Milliseconds(Env.ProbeTimeoutMs, ConfigurationDefaults.ProbeTimeoutMs, 1),
        reader.Milliseconds(Env.SourceTimeoutMs, ConfigurationDefaults.SourceTimeoutMs, 1))
    {
        Schedule = Schedule(reader),
    };

    /// <summary>The probe schedule; the interval must leave room for more than one probe per invocation.</summary>
    private static ProbeSchedule Schedule(VariableReader reader)
    {
        var interval = reader.DecimalSeconds(Env.ProbeIntervalSeconds, ConfigurationDefaults.ProbeIntervalSeconds, 0.01, 60);
        var duration = reader.DecimalSeconds(Env.ProbeDurationSeconds, ConfigurationDefaults.ProbeDurationSeconds, 0.01, 900);
        if (interval > duration)
        {
            reader.Problem(Env.ProbeIntervalSeconds, $"must not exceed {Env.ProbeDurationSeconds} ({duration.TotalSeconds} s), got {interval.TotalSeconds} s");
        }

        var window = reader.DecimalSeconds(Env.ProbeWindowSeconds, ConfigurationDefaults.ProbeWindowSeconds, 0.01, 3600);
        var metricRegion = OptionalRegion(reader, Env.ProbeMetricRegion);
        var witness = OptionalRegion(reader, Env.WitnessRegion);
        return new ProbeSchedule(interval, duration, window, metricRegion, witness);
    }

    private static string? OptionalRegion(VariableReader reader, string name)
    {
        var value = reader.Optional(name);
        if (value is not null && !ConfigurationFormats.RegionName().IsMatch(value))
        {
            reader.Problem(name, $"must be an AWS Region name such as us-west-2, got '{value}'");
        }

        return value;
    }

    private static RtoSettings Rto(VariableReader reader)
    {
        // Route 53 itself offers 10 or 30 s; any positive value is accepted because this setting only feeds the
        // RTO budget, and the lab's scaled-down time profiles describe their world in shorter intervals.
        var interval = reader.Integer(Env.HealthCheckIntervalSeconds, ConfigurationDefaults.HealthCheckIntervalSeconds, 1, 300);

        return new RtoSettings(
            TimeSpan.FromSeconds(interval),
            reader.Integer(Env.HealthCheckFailureThreshold, ConfigurationDefaults.HealthCheckFailureThreshold, 1, 10),
            reader.Seconds(Env.AlarmEvaluationSeconds, ConfigurationDefaults.AlarmEvaluationSeconds, 0),
            reader.Seconds(Env.DnsTtlSeconds, ConfigurationDefaults.DnsTtlSeconds, 0),
            reader.Seconds(Env.PromotionEstimateSeconds, ConfigurationDefaults.PromotionEstimateSeconds, 0),
            reader.Seconds(Env.SwitchoverEstimateSeconds, ConfigurationDefaults.SwitchoverEstimateSeconds, 0),
            reader.Seconds(Env.PropagationEstimateSeconds, ConfigurationDefaults.PropagationEstimateSeconds, 0),
            reader.Seconds(Env.OrchestrationOverheadSeconds, ConfigurationDefaults.OrchestrationOverheadSeconds, 0));
    }

    private static FailbackPolicy Failback(VariableReader reader)
    {
        var steps = reader.IntegerList(Env.FailbackSteps, ConfigurationDefaults.FailbackSteps) ?? [];
        if (steps.Any(share => share is < 1 or > 100))
        {
            reader.Problem(Env.FailbackSteps, "each share must be a percentage between 1 and 100");
        }
        else if (steps.Zip(steps.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            reader.Problem(Env.FailbackSteps, $"shares must strictly increase, got '{string.Join(",", steps)}'");
        }

        return new FailbackPolicy(
            reader.Integer(Env.FailbackChecks, ConfigurationDefaults.FailbackChecks, 1, 100),
            reader.Seconds(Env.FailbackCheckIntervalSeconds, ConfigurationDefaults.FailbackCheckIntervalSeconds, 1),
            steps,
            reader.Seconds(Env.FailbackBakeSeconds, ConfigurationDefaults.FailbackBakeSeconds, 0));
    }
}
