using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// CloudWatch's actions (prefix cloudwatch) and resources: alarms are arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME
/// (DescribeAlarms without names: alarm:*); metric actions have no resource types ("*"). PutMetricData adds the
/// cloudwatch:namespace condition key, so a policy can confine a publisher to its own namespace.
/// </summary>
internal sealed class CloudWatchAuthorization : IServiceAuthorization
{
    public string SigningName => "monitoring";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "cloudwatch:" + call.Operation;
        switch (call.Operation)
        {
            case "DescribeAlarms" or "DeleteAlarms" or "DescribeAlarmHistory" or "EnableAlarmActions" or "DisableAlarmActions":
                var names = CallParameters.List(call, "AlarmNames");
                if (names.Count == 0 && CallParameters.String(call, "AlarmName") is { } single)
                {
                    names = [single];
                }

                return [new RequiredPermission(action, names.Count == 0 ? [Alarm(call, "*")] : names.Select(n => Alarm(call, n)).ToList())];
            case "PutMetricAlarm" or "SetAlarmState" or "PutCompositeAlarm":
                return [new RequiredPermission(action, ArnBuilder.Named(CallParameters.String(call, "AlarmName"), n => Alarm(call, n)))];
            case "PutMetricData":
                var ns = CallParameters.String(call, "Namespace");
                return [new RequiredPermission(action, RequiredPermission.AnyResource,
                    ns is null ? null : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["cloudwatch:namespace"] = [ns] })];
            default:
                return [new RequiredPermission(action, RequiredPermission.AnyResource)];
        }
    }

    private static string Alarm(AwsCall call, string name) => ArnBuilder.Regional("cloudwatch", call, "alarm:" + name);
}
