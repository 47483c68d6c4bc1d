namespace DrLambdas.Integration.Tests.Support;

/// <summary>Function inputs as the state machine sends them (docs/contracts.md section 5).</summary>
internal static class Events
{
    /// <summary>
    /// assess for an alarm's "CloudWatch Alarm State Change" event, as CloudWatch emits it in the alarm's Region and
    /// the forwarder template delivers it to the recovery Region unchanged.
    /// </summary>
    public static string Assess((string Name, string Region) alarm, string executionName) => $$"""
        {"operation":"assess",
         "trigger":{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"CloudWatch Alarm State Change",
                    "source":"aws.cloudwatch","account":"111122223333","time":"2026-11-26T00:00:00Z","region":"{{alarm.Region}}",
                    "resources":[],"detail":{"alarmName":"{{alarm.Name}}","state":{"value":"ALARM","reason":"Threshold Crossed"} } },
         "execution":{"id":"arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:{{executionName}}","name":"{{executionName}}",
                      "startTime":"2026-11-26T00:00:00Z"} }
        """;
}
