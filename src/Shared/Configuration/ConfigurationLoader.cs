using DrLambdas.Errors;
using DrLambdas.Shared.Domain;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Configuration;

/// <summary>Builds <see cref="DrConfiguration"/> from variables, validating everything before failing.</summary>
internal static class ConfigurationLoader
{
    private const int MaxSetIdentifierLength = 128;
    private const int MaxAlarmNameLength = 255;

    public static DrConfiguration Load(Func<string, string?> readVariable)
    {
        var reader = new VariableReader(readVariable);

        var recoveryRegion = RegionName(reader, Env.AwsRegion);
        var (primaryWeight, secondaryWeight) = NormalWeights(reader);
        var primary = Site(reader, RegionRole.Primary, primaryWeight);
        var secondary = Site(reader, RegionRole.Secondary, secondaryWeight);
        CheckDistinctSites(reader, primary, secondary);

        var topology = new DrTopology(primary, secondary, GlobalClusterId(reader), recoveryRegion);
        var dns = Dns(reader);
        var alarms = Alarms(reader);
        var policy = Policy(reader);
        var probes = Probes(reader);
        var configuration = new DrConfiguration(
            topology,
            dns,
            alarms,
            policy,
            probes,
            Rto(reader, alarms.PrimaryProbeAlarm is null ? null : probes.Schedule.Interval),
            new OperationTimeouts(
                reader.Seconds(Env.PromotionTimeoutSeconds, ConfigurationDefaults.PromotionTimeoutSeconds, 1),
                reader.Seconds(Env.PropagationTimeoutSeconds, ConfigurationDefaults.PropagationTimeoutSeconds, 1),
                reader.Seconds(Env.PromotionReportingGraceSeconds, ConfigurationDefaults.PromotionReportingGraceSeconds, 1),
                reader.Seconds(Env.PinRetrySeconds, ConfigurationDefaults.PinRetrySeconds, 1)),
            Failback(reader))
        {
            PauseParameterName = SsmParameterName(reader, Env.PauseParameterName),
            Readiness = Readiness(reader),
            ApprovalParameterPrefix = SsmParameterName(reader, Env.ApprovalParameterPrefix),
        };

        if (reader.Problems.Count > 0)
        {
            throw new ConfigurationException(reader.Problems);
        }

        return configuration;
    }

    /// <summary>Parameter Store's name rules, the "aws"/"ssm" prefixes it reserves, and its 1011-character limit.</summary>
    private static string? SsmParameterName(VariableReader reader, string variable)
    {
        var value = reader.Optional(variable);
        if (value is null)
        {
            return null;
        }

        var bare = value.TrimStart('/');
        if (value.Length > 1011 || !ConfigurationFormats.SsmParameterName().IsMatch(value)
            || bare.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            reader.Problem(variable,
                $"must be a fully qualified SSM parameter name such as /drlambdas/my-stack/pause (letters, digits, . - _; at most 15 levels; not prefixed aws or ssm), got '{value}'");
            return null;
        }

        return value;
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

        string?[] triggers = [.. primary, .. secondary, primaryCheck, secondaryCheck, primaryProbe, secondaryProbe];
        return new AlarmSettings(primary, secondary, stateMachine, primaryCheck, secondaryCheck, checkRegion)
        {
            PrimaryProbeAlarm = primaryProbe,
            SecondaryProbeAlarm = secondaryProbe,
            PrimaryExtraSignals = ExtraSignals(reader, Env.PrimaryExtraSignals, triggers),
            SecondaryExtraSignals = ExtraSignals(reader, Env.SecondaryExtraSignals, triggers),
        };
    }

    private static ReadinessSettings Readiness(VariableReader reader)
    {
        var topic = reader.Optional(Env.AlertTopicArn);
        if (topic is not null && !ConfigurationFormats.TopicArn().IsMatch(topic))
        {
            reader.Problem(Env.AlertTopicArn, $"must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME), got '{topic}'");
        }

        var failback = reader.Optional(Env.FailbackStateMachineArn);
        if (failback is not null && !ConfigurationFormats.StateMachineArn().IsMatch(failback))
        {
            reader.Problem(Env.FailbackStateMachineArn, $"must be a state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME), got '{failback}'");
        }

        return new ReadinessSettings(
            topic,
            failback,
            SsmParameterName(reader, Env.ReadinessParameterName),
            TimeSpan.FromDays(reader.Integer(Env.ReadinessMaxExerciseAgeDays, ConfigurationDefaults.ReadinessMaxExerciseAgeDays, 1, 3650)));
    }

    /// <summary>
    /// <c>kind:alarm-name</c> entries. An alarm that starts failovers cannot also be an extra signal, which never does;
    /// each alarm appears once per Region.
    /// </summary>
    private static List<ExtraSignal> ExtraSignals(VariableReader reader, string name, IEnumerable<string?> triggers)
    {
        var signals = new List<ExtraSignal>();
        foreach (var entry in reader.List(name))
        {
            var separator = entry.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0)
            {
                reader.Problem(name, $"entry '{entry}' must be kind:alarm-name, kind one of {string.Join(", ", ExtraSignalKinds.All)}");
                continue;
            }

            var kind = entry[..separator].Trim();
            var alarm = entry[(separator + 1)..].Trim();
            if (!ExtraSignalKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                reader.Problem(name, $"kind '{kind}' of entry '{entry}' is not one of {string.Join(", ", ExtraSignalKinds.All)}");
            }

            if (alarm.Length is 0 or > MaxAlarmNameLength)
            {
                reader.Problem(name, $"alarm name of entry '{entry}' must be 1 to {MaxAlarmNameLength} characters, got {alarm.Length}");
            }
            else if (signals.Any(signal => string.Equals(signal.AlarmName, alarm, StringComparison.Ordinal)))
            {
                reader.Problem(name, $"names alarm '{alarm}' more than once");
            }
            else if (triggers.Contains(alarm, StringComparer.Ordinal))
            {
                reader.Problem(name, $"names alarm '{alarm}', which starts failovers; an extra signal never does");
            }

            signals.Add(new ExtraSignal(kind, alarm));
        }

        return signals;
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

    /// <param name="reader">The variables.</param>
    /// <param name="probeInterval">The probe interval when a probe alarm about the primary is configured (the template
    /// names one only with a witness); else null.</param>
    private static RtoSettings Rto(VariableReader reader, TimeSpan? probeInterval)
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
            reader.Seconds(Env.OrchestrationOverheadSeconds, ConfigurationDefaults.OrchestrationOverheadSeconds, 0))
        {
            AliasRecords = reader.Boolean(Env.AliasRecords, bool.Parse(ConfigurationDefaults.AliasRecords)),
            WriterRepointEstimate = reader.Seconds(Env.WriterRepointEstimateSeconds, ConfigurationDefaults.WriterRepointEstimateSeconds, 0),
            ReconnectEstimate = reader.Seconds(Env.ReconnectEstimateSeconds, ConfigurationDefaults.ReconnectEstimateSeconds, 0),
            ProbeAlarm = probeInterval is { } probe ? ProbeAlarm(reader, probe) : null,
        };
    }

    private static ProbeAlarmTiming ProbeAlarm(VariableReader reader, TimeSpan probeInterval)
    {
        var period = reader.Integer(Env.ProbeAlarmPeriodSeconds, ConfigurationDefaults.ProbeAlarmPeriodSeconds, 1, 86_400);
        if (period is not (10 or 20 or 30) && period % 60 != 0)
        {
            reader.Problem(Env.ProbeAlarmPeriodSeconds, $"must be 10, 20, 30 or a multiple of 60 (CloudWatch alarm periods), got {period}");
        }

        return new ProbeAlarmTiming(
            probeInterval,
            TimeSpan.FromSeconds(period),
            reader.Integer(Env.ProbeAlarmDatapointsToAlarm, ConfigurationDefaults.ProbeAlarmDatapointsToAlarm, 1, 100));
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
