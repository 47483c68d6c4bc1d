namespace DrLambdas.Shared.Configuration;

/// <summary>Which CloudWatch alarms mean what.</summary>
/// <param name="PrimaryFailureAlarms">Alarms that signal a primary failure.</param>
/// <param name="SecondaryFailureAlarms">Alarms that signal a secondary failure.</param>
/// <param name="StateMachineArn">The failover state machine, if configured.</param>
public sealed record AlarmSettings(
    IReadOnlyList<string> PrimaryFailureAlarms,
    IReadOnlyList<string> SecondaryFailureAlarms,
    string? StateMachineArn);
