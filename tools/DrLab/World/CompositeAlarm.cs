namespace DrLambdas.DrLab.World;

/// <summary>
/// A composite alarm's state: INSUFFICIENT_DATA when created, then ALARM while its rule is true and OK while it is false,
/// re-evaluated whenever the alarms of its Region are evaluated.
/// </summary>
internal sealed class CompositeAlarm(CompositeAlarmDefinition definition, DateTimeOffset createdAt)
{
    public CompositeAlarmDefinition Definition { get; set; } = definition;

    public string Value { get; private set; } = MetricAlarm.InsufficientData;

    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    public string Reason { get; private set; } = "Unchecked: Initial alarm creation";

    /// <summary>Applies the rule to the current states; returns the transition when the state changed.</summary>
    public AlarmTransition? Evaluate(DateTimeOffset instant, Func<string, string?> stateOf)
    {
        var next = Definition.Rule.IsTrue(stateOf) ? MetricAlarm.Alarm : MetricAlarm.Ok;
        if (string.Equals(next, Value, StringComparison.Ordinal))
        {
            return null;
        }

        var previous = Value;
        Value = next;
        UpdatedAt = instant;
        Reason = next == MetricAlarm.Alarm
            ? $"arn:aws:cloudwatch alarm rule {Definition.RuleText} evaluated to TRUE"
            : $"arn:aws:cloudwatch alarm rule {Definition.RuleText} evaluated to FALSE";
        return new AlarmTransition(Definition.Name, Definition.Region, Definition.Arn, previous, next, instant, Reason, "{}");
    }
}
