using DrLambdas.Shared.Configuration;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Support;

/// <summary>A valid environment for the reference setup (Taiwan primary, Tokyo secondary, functions in Tokyo).</summary>
internal static class TestEnvironment
{
    public const string Tpe = "ap-east-2";
    public const string Nrt = "ap-northeast-1";
    public const string TpeArn = "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe";
    public const string NrtArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";
    public const string PrimaryAlarm = "app-tpe-down";
    public const string SecondaryAlarm = "app-nrt-down";
    public const string PrimaryHealthCheckIdVariable = Env.PrimaryHealthCheckId;
    public const string SecondaryHealthCheckIdVariable = Env.SecondaryHealthCheckId;
    public const string PrimaryHealthCheckAlarmVariable = Env.PrimaryHealthCheckAlarmName;

    public static Dictionary<string, string?> Variables() => new()
    {
        [Env.AwsRegion] = Nrt,
        [Env.PrimaryRegion] = Tpe,
        [Env.SecondaryRegion] = Nrt,
        [Env.GlobalClusterId] = "app-global",
        [Env.PrimaryClusterArn] = TpeArn,
        [Env.SecondaryClusterArn] = NrtArn,
        [Env.HostedZoneId] = "Z0123456789ABCDEFGHIJ",
        [Env.RecordName] = "api.example.com",
        [Env.PrimarySetIdentifier] = "tpe",
        [Env.SecondarySetIdentifier] = "nrt",
        [Env.PrimaryHealthUrl] = "https://tpe.example.com/actuator/health",
        [Env.SecondaryHealthUrl] = "https://nrt.example.com/actuator/health",
        [Env.AlarmNames] = PrimaryAlarm,
        [Env.SecondaryAlarmNames] = SecondaryAlarm,
    };

    public static DrConfiguration Configuration(Action<Dictionary<string, string?>>? change = null)
    {
        var variables = Variables();
        change?.Invoke(variables);
        return DrConfiguration.Load(variables);
    }

    public static DrConfiguration Default { get; } = Configuration();
}
