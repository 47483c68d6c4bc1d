namespace DrLambdas.Shared.Triggers;

/// <summary>CloudWatch's spelling of alarm states (<c>ALARM</c>, <c>OK</c>, <c>INSUFFICIENT_DATA</c>).</summary>
public static class AlarmStateNames
{
    /// <summary>The CloudWatch name of <paramref name="state"/>.</summary>
    public static string Of(AlarmState state) => state switch
    {
        AlarmState.Alarm => "ALARM",
        AlarmState.Ok => "OK",
        _ => "INSUFFICIENT_DATA",
    };

    /// <summary>The state named <paramref name="name"/>, or null when CloudWatch has no such state.</summary>
    public static AlarmState? Parse(string name) => name switch
    {
        "ALARM" => AlarmState.Alarm,
        "OK" => AlarmState.Ok,
        "INSUFFICIENT_DATA" => AlarmState.InsufficientData,
        _ => null,
    };
}
