using DrLambdas.Shared.Configuration;

namespace DrLambdas.Functions.Testing;

/// <summary>The reference setup: primary Taiwan (ap-east-2, "tpe"), secondary and recovery Region Tokyo (ap-northeast-1, "nrt").</summary>
internal static class TestConfiguration
{
    public const string Tpe = "ap-east-2";
    public const string Nrt = "ap-northeast-1";
    public const string TpeArn = "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe";
    public const string NrtArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";
    public const string GlobalClusterId = "app-global";
    public const string HostedZoneId = "Z0123456789ABCDEFGHIJ";
    public const string RecordName = "api.example.com.";
    public const string TpeHealthCheckId = "0d7a1b2c-3e4f-4a5b-8c6d-000000000001";
    public const string NrtHealthCheckId = "0d7a1b2c-3e4f-4a5b-8c6d-000000000002";
    public const string PrimaryAlarm = "tpe-unhealthy";
    public const string SecondaryAlarm = "nrt-unhealthy";
    public const string StateMachineArn = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover";

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

    public static DrConfiguration Load(Action<Dictionary<string, string?>>? change = null)
    {
        var variables = Variables();
        change?.Invoke(variables);
        return DrConfiguration.Load(variables);
    }

    public static DrConfiguration Default { get; } = Load();
}
