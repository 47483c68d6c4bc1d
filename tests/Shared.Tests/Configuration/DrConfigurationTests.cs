using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Configuration;

public class DrConfigurationTests
{
    private static ConfigurationException LoadFails(Action<Dictionary<string, string?>> change) =>
        Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(change));

    [Fact]
    public void Load_RequiredOnly_AppliesContractDefaults()
    {
        var configuration = TestEnvironment.Default;

        Assert.Equal(
            new DecisionPolicy(2, TimeSpan.FromSeconds(1800), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.Zero, TimeSpan.FromSeconds(120)),
            configuration.Policy);
        Assert.Equal(
            new RtoSettings(TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
                TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5)),
            configuration.Rto);
        Assert.Equal(new ProbeSettings(3, TimeSpan.FromMilliseconds(2000), TimeSpan.FromMilliseconds(4000)), configuration.Probes);
        Assert.Equal(new OperationTimeouts(TimeSpan.FromSeconds(900), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(900)), configuration.Timeouts);
    }

    [Fact]
    public void Load_RequiredOnly_FailbackDefaults()
    {
        var failback = TestEnvironment.Default.Failback;

        Assert.Equal(3, failback.RequiredHealthyChecks);
        Assert.Equal(TimeSpan.FromMinutes(5), failback.CheckInterval);
        Assert.Equal([10, 30, 70], failback.StepShares);
        Assert.Equal(TimeSpan.FromMinutes(5), failback.BakeTime);
    }

    [Fact]
    public void Load_ReferenceSetup_BuildsTopology()
    {
        var topology = TestEnvironment.Default.Topology;

        Assert.Equal(
            new RegionSite(TestEnvironment.Tpe, RegionRole.Primary, TestEnvironment.TpeArn, "tpe", new Uri("https://tpe.example.com/actuator/health"), null, 70),
            topology.Primary);
        Assert.Equal(TestEnvironment.Nrt, topology.Secondary.Region);
        Assert.Equal(30, topology.Secondary.NormalWeight);
        Assert.Equal("app-global", topology.GlobalClusterId);
        Assert.Equal(TestEnvironment.Nrt, topology.RecoveryRegion);
    }

    [Fact]
    public void Load_RecordNameWithoutDot_NormalisedToLowerCaseWithDot()
    {
        var configuration = TestEnvironment.Configuration(env => env[Env.RecordName] = "API.Example.com");

        Assert.Equal(new DnsSettings("Z0123456789ABCDEFGHIJ", "api.example.com.", "A"), configuration.Dns);
    }

    [Fact]
    public void Load_OptionalValuesSet_ParsesThem()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.PrimaryHealthCheckId] = "abcdef11-2222-3333-4444-555555555555";
            env[Env.AlarmNames] = " app-tpe-down , app-tpe-5xx ";
            env[Env.StateMachineArn] = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:failover";
            env[Env.RecordType] = "aaaa";
            env[Env.NormalWeights] = "100,0";
            env[Env.FailbackSteps] = "25,50,100";
            env[Env.ApprovalParameterPrefix] = "/drlambdas/dr/approvals";
        });

        Assert.Equal("abcdef11-2222-3333-4444-555555555555", configuration.Topology.Primary.HealthCheckId);
        Assert.Equal(["app-tpe-down", "app-tpe-5xx"], configuration.Alarms.PrimaryFailureAlarms);
        Assert.Equal("arn:aws:states:ap-northeast-1:111122223333:stateMachine:failover", configuration.Alarms.StateMachineArn);
        Assert.Equal("AAAA", configuration.Dns.RecordType);
        Assert.Equal((100, 0), (configuration.Topology.Primary.NormalWeight, configuration.Topology.Secondary.NormalWeight));
        Assert.Equal([25, 50, 100], configuration.Failback.StepShares);
        Assert.Equal("/drlambdas/dr/approvals", configuration.ApprovalParameterPrefix);
    }

    [Fact]
    public void Load_HealthCheckAlarms_AreManagedForTheirRegionInUsEast1()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.PrimaryHealthCheckAlarmName] = "drlambdas-primary-health-check";
            env[Env.SecondaryHealthCheckAlarmName] = "drlambdas-secondary-health-check";
        });

        Assert.Equal(RegionRole.Primary, configuration.Alarms.RoleOf("drlambdas-primary-health-check"));
        Assert.Equal(RegionRole.Secondary, configuration.Alarms.RoleOf("drlambdas-secondary-health-check"));
        Assert.Null(configuration.Alarms.RoleOf("someone-elses-alarm"));
        Assert.Equal("us-east-1", configuration.Alarms.HealthCheckAlarmRegion);
    }

    [Fact]
    public void Load_HealthCheckAlarmAlsoAFailureAlarm_IsAProblem()
    {
        var exception = LoadFails(env => env[Env.PrimaryHealthCheckAlarmName] = TestEnvironment.SecondaryAlarm);

        Assert.Contains(exception.Problems, problem => problem.StartsWith(Env.PrimaryHealthCheckAlarmName, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_HealthCheckAlarmRegionMalformed_IsAProblem()
    {
        var exception = LoadFails(env => env[Env.HealthCheckAlarmRegion] = "virginia");

        Assert.Contains(exception.Problems, problem => problem.StartsWith(Env.HealthCheckAlarmRegion, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FromFunction_ReadsTheSameVariables()
    {
        var variables = TestEnvironment.Variables();

        var configuration = DrConfiguration.Load(name => variables.GetValueOrDefault(name));

        Assert.Equal(TestEnvironment.Default.Topology, configuration.Topology);
    }

    [Fact]
    public void Load_EmptyEnvironment_ReportsEveryRequiredVariableAtOnce()
    {
        var exception = Assert.Throws<ConfigurationException>(() => DrConfiguration.Load(new Dictionary<string, string?>()));

        string[] required =
        [
            Env.AwsRegion, Env.PrimaryRegion, Env.SecondaryRegion, Env.GlobalClusterId, Env.PrimaryClusterArn,
            Env.SecondaryClusterArn, Env.HostedZoneId, Env.RecordName, Env.PrimarySetIdentifier,
            Env.SecondarySetIdentifier, Env.PrimaryHealthUrl, Env.SecondaryHealthUrl,
        ];
        Assert.Equal(required.Select(name => $"{name}: is required but not set").Order(), exception.Problems.Order());
    }

    [Fact]
    public void Load_SeveralInvalidValues_ListsEachInTheMessage()
    {
        var exception = LoadFails(env =>
        {
            env[Env.Quorum] = "5";
            env[Env.CooldownSeconds] = "soon";
            env[Env.PrimaryHealthUrl] = "tpe.example.com";
        });

        Assert.Equal(3, exception.Problems.Count);
        Assert.Contains("DR_QUORUM: must be between 1 and 4, got 5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DR_COOLDOWN_SECONDS: must be a whole number, got 'soon'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DR_PRIMARY_HEALTH_URL: must be an absolute http(s) URL, got 'tpe.example.com'", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidValues => new()
    {
        { Env.AwsRegion, "tokyo", "AWS_REGION: must be an AWS Region name such as ap-east-2, got 'tokyo'" },
        { Env.SecondaryRegion, TestEnvironment.Tpe, "DR_SECONDARY_REGION: must differ from DR_PRIMARY_REGION (ap-east-2)" },
        { Env.PrimaryClusterArn, "app-tpe", "DR_PRIMARY_CLUSTER_ARN: must be an Aurora cluster ARN (arn:aws:rds:REGION:ACCOUNT:cluster:NAME), got 'app-tpe'" },
        { Env.PrimaryClusterArn, TestEnvironment.NrtArn, "DR_PRIMARY_CLUSTER_ARN: is in Region ap-northeast-1 but the Region it belongs to is ap-east-2" },
        { Env.GlobalClusterId, "1global", "DR_GLOBAL_CLUSTER_ID: must start with a letter and contain only letters, digits and hyphens, got '1global'" },
        { Env.HostedZoneId, "zone", "DR_HOSTED_ZONE_ID: must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got 'zone'" },
        { Env.RecordType, "MX", "DR_RECORD_TYPE: must be one of A, AAAA, CNAME, got 'MX'" },
        { Env.SecondarySetIdentifier, "tpe", "DR_SECONDARY_SET_IDENTIFIER: must differ from DR_PRIMARY_SET_IDENTIFIER (tpe)" },
        { Env.PrimarySetIdentifier, new string('x', 129), "DR_PRIMARY_SET_IDENTIFIER: must be at most 128 characters, got 129" },
        { Env.SecondaryHealthUrl, "ftp://nrt.example.com/health", "DR_SECONDARY_HEALTH_URL: must be an absolute http(s) URL, got 'ftp://nrt.example.com/health'" },
        { Env.SecondaryHealthCheckId, "hc-1", "DR_SECONDARY_HEALTH_CHECK_ID: must be a Route 53 health check id (a UUID), got 'hc-1'" },
        { Env.NormalWeights, "70", "DR_NORMAL_WEIGHTS: must be two weights 'primary,secondary', got 1" },
        { Env.NormalWeights, "70,x", "DR_NORMAL_WEIGHTS: must be comma-separated whole numbers, got '70,x'" },
        { Env.NormalWeights, "256,0", "DR_NORMAL_WEIGHTS: weights must be between 0 and 255" },
        { Env.NormalWeights, "0,0", "DR_NORMAL_WEIGHTS: must not be all zero (Route 53 would then split traffic evenly)" },
        { Env.AlarmNames, "a,,b", "DR_ALARM_NAMES: has an empty entry in 'a,,b'" },
        { Env.SecondaryAlarmNames, TestEnvironment.PrimaryAlarm, "DR_SECONDARY_ALARM_NAMES: must not repeat alarms of DR_ALARM_NAMES: app-tpe-down" },
        { Env.StateMachineArn, "failover", "DR_STATE_MACHINE_ARN: must be a state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME), got 'failover'" },
        { Env.ApprovalParameterPrefix, "drlambdas/dr/approvals/", "DR_APPROVAL_PARAMETER_PREFIX: must be a fully qualified SSM parameter name such as /drlambdas/my-stack/pause (letters, digits, . - _; at most 15 levels; not prefixed aws or ssm), got 'drlambdas/dr/approvals/'" },
        { Env.Quorum, "0", "DR_QUORUM: must be between 1 and 4, got 0" },
        { Env.DataLossBudgetSeconds, "-1", "DR_DATA_LOSS_BUDGET_SECONDS: must be between 0 and 2147483647, got -1" },
        { Env.RtoTargetSeconds, "0", "DR_RTO_TARGET_SECONDS: must be between 1 and 2147483647, got 0" },
        { Env.ProbeAttempts, "11", "DR_PROBE_ATTEMPTS: must be between 1 and 10, got 11" },
        { Env.ProbeTimeoutMs, "0", "DR_PROBE_TIMEOUT_MS: must be between 1 and 2147483647, got 0" },
        { Env.HealthCheckIntervalSeconds, "0", "DR_HEALTH_CHECK_INTERVAL_SECONDS: must be between 1 and 300, got 0" },
        { Env.HealthCheckFailureThreshold, "11", "DR_HEALTH_CHECK_FAILURE_THRESHOLD: must be between 1 and 10, got 11" },
        { Env.FailbackSteps, "10,0,70", "DR_FAILBACK_STEPS: each share must be a percentage between 1 and 100" },
        { Env.FailbackSteps, "30,10", "DR_FAILBACK_STEPS: shares must strictly increase, got '30,10'" },
        { Env.FailbackChecks, "0", "DR_FAILBACK_CHECKS: must be between 1 and 100, got 0" },
        { Env.SourceTimeoutMs, "1.5", "DR_SOURCE_TIMEOUT_MS: must be a whole number, got '1.5'" },
        { Env.AliasRecords, "yes", "DR_ALIAS_RECORDS: must be true or false, got 'yes'" },
        { Env.WriterRepointEstimateSeconds, "-1", "DR_WRITER_REPOINT_ESTIMATE_SECONDS: must be between 0 and 2147483647, got -1" },
        { Env.ReconnectEstimateSeconds, "soon", "DR_RECONNECT_ESTIMATE_SECONDS: must be a whole number, got 'soon'" },
    };

    [Fact]
    public void Load_NoProbeAlarm_NoProbeAlarmTimingEvenWithItsVariables()
    {
        var configuration = TestEnvironment.Configuration(env => env[Env.ProbeAlarmPeriodSeconds] = "45");

        Assert.Null(configuration.Rto.ProbeAlarm);
    }

    [Fact]
    public void Load_ProbeAlarmConfigured_TimingFromTheProbeScheduleAndAlarm()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.PrimaryProbeAlarmName] = "drlambdas-primary-probes";
            env[Env.ProbeIntervalSeconds] = "2.5";
            env[Env.ProbeAlarmPeriodSeconds] = "20";
            env[Env.ProbeAlarmDatapointsToAlarm] = "2";
        });

        Assert.Equal(new ProbeAlarmTiming(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(20), 2), configuration.Rto.ProbeAlarm);
    }

    [Fact]
    public void Load_ProbeAlarmPeriodCloudWatchRefuses_ReportsIt()
    {
        var exception = LoadFails(env =>
        {
            env[Env.PrimaryProbeAlarmName] = "drlambdas-primary-probes";
            env[Env.ProbeAlarmPeriodSeconds] = "45";
        });

        Assert.Contains("DR_PROBE_ALARM_PERIOD_SECONDS: must be 10, 20, 30 or a multiple of 60 (CloudWatch alarm periods), got 45", exception.Problems);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Load_InvalidValue_ReportsVariableAndProblem(string variable, string value, string expectedProblem)
    {
        var exception = LoadFails(env => env[variable] = value);

        Assert.Contains(expectedProblem, exception.Problems);
    }

    [Fact]
    public void Load_BlankOptionalValue_UsesDefault()
    {
        var configuration = TestEnvironment.Configuration(env => env[Env.Quorum] = "  ");

        Assert.Equal(ConfigurationDefaults.Quorum, configuration.Policy.Quorum);
    }

    [Fact]
    public void Load_NullLookup_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DrConfiguration.Load((Func<string, string?>)null!));
    }

    [Fact]
    public void EnvironmentVariables_Names_MatchContractsTable()
    {
        var names = typeof(EnvironmentVariables).GetFields().Select(field => (string)field.GetRawConstantValue()!).Order().ToList();

        Assert.Equal(ContractsDocument.ConfigurationVariables().Order(), names);
    }

    [Fact]
    public void ConfigurationDefaults_Values_MatchContractsTable()
    {
        var documented = ContractsDocument.ConfigurationDefaults();
        var defaults = typeof(ConfigurationDefaults).GetFields()
            .ToDictionary(field => field.Name, field => Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)!);
        var variables = typeof(EnvironmentVariables).GetFields()
            .Where(field => defaults.ContainsKey(field.Name))
            .ToDictionary(field => (string)field.GetRawConstantValue()!, field => defaults[field.Name]);

        Assert.Equal(defaults.Count, documented.Count);
        Assert.Equal(documented.OrderBy(pair => pair.Key), variables.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Topology_Other_ReturnsTheOtherSite()
    {
        var topology = TestEnvironment.Default.Topology;

        Assert.Same(topology.Secondary, topology.Other(topology.Primary));
        Assert.Same(topology.Primary, topology.Other(topology.Secondary));
        Assert.Null(topology.Find("eu-west-1"));
        Assert.Null(topology.Find(null));
    }
}
