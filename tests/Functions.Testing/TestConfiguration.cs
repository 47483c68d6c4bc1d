using DrLambdas.Shared.Configuration;

namespace DrLambdas.Functions.Testing;

/// <summary>The reference setup: primary Taiwan (ap-east-2, "tpe"), secondary and recovery Region Tokyo (ap-northeast-1, "nrt").</summary>
public static class TestConfiguration
{
    /// <summary>The primary Region, Taiwan.</summary>
    public const string Tpe = "ap-east-2";
    /// <summary>The secondary and recovery Region, Tokyo.</summary>
    public const string Nrt = "ap-northeast-1";
    /// <summary>Taiwan's Aurora cluster.</summary>
    public const string TpeArn = "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe";
    /// <summary>Tokyo's Aurora cluster.</summary>
    public const string NrtArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";
    /// <summary>The Aurora global cluster.</summary>
    public const string GlobalClusterId = "app-global";
    /// <summary>The hosted zone of the weighted records.</summary>
    public const string HostedZoneId = "Z0123456789ABCDEFGHIJ";
    /// <summary>The weighted record's name, fully qualified.</summary>
    public const string RecordName = "api.example.com.";
    /// <summary>Taiwan's Route 53 health check.</summary>
    public const string TpeHealthCheckId = "0d7a1b2c-3e4f-4a5b-8c6d-000000000001";
    /// <summary>Tokyo's Route 53 health check.</summary>
    public const string NrtHealthCheckId = "0d7a1b2c-3e4f-4a5b-8c6d-000000000002";
    /// <summary>The alarm of a primary failure.</summary>
    public const string PrimaryAlarm = "tpe-unhealthy";
    /// <summary>The alarm of a secondary failure.</summary>
    public const string SecondaryAlarm = "nrt-unhealthy";
    /// <summary>The failover state machine.</summary>
    public const string StateMachineArn = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover";

    /// <summary>The function environment of the reference setup; a new dictionary each call, so tests may change it.</summary>
    public static Dictionary<string, string?> Variables() => new()
    {
        [EnvironmentVariables.AwsRegion] = Nrt,
        [EnvironmentVariables.PrimaryRegion] = Tpe,
        [EnvironmentVariables.SecondaryRegion] = Nrt,
        [EnvironmentVariables.GlobalClusterId] = GlobalClusterId,
        [EnvironmentVariables.PrimaryClusterArn] = TpeArn,
        [EnvironmentVariables.SecondaryClusterArn] = NrtArn,
        [EnvironmentVariables.HostedZoneId] = HostedZoneId,
        [EnvironmentVariables.RecordName] = "api.example.com",
        [EnvironmentVariables.PrimarySetIdentifier] = "tpe",
        [EnvironmentVariables.SecondarySetIdentifier] = "nrt",
        [EnvironmentVariables.PrimaryHealthUrl] = "https://tpe.example.com/actuator/health",
        [EnvironmentVariables.SecondaryHealthUrl] = "https://nrt.example.com/actuator/health",
        [EnvironmentVariables.PrimaryHealthCheckId] = TpeHealthCheckId,
        [EnvironmentVariables.SecondaryHealthCheckId] = NrtHealthCheckId,
        [EnvironmentVariables.AlarmNames] = PrimaryAlarm,
        [EnvironmentVariables.SecondaryAlarmNames] = SecondaryAlarm,
        [EnvironmentVariables.StateMachineArn] = StateMachineArn,
    };

    /// <summary>Loads the reference setup after <paramref name="change"/> edits its variables.</summary>
    public static DrConfiguration Load(Action<Dictionary<string, string?>>? change = null)
    {
        var variables = Variables();
        change?.Invoke(variables);
        return DrConfiguration.Load(variables);
    }

    /// <summary>The reference setup, unchanged.</summary>
    public static DrConfiguration Default { get; } = Load();
}
