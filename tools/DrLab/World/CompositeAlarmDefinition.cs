namespace DrLambdas.DrLab.World;

/// <summary>A composite alarm as PutCompositeAlarm defined it, in one Region.</summary>
internal sealed record CompositeAlarmDefinition(
    string Name,
    string Region,
    string RuleText,
    AlarmRule Rule,
    bool ActionsEnabled,
    string? Description,
    DateTimeOffset ConfiguredAt)
{
    public string Arn => $"arn:aws:cloudwatch:{Region}:{WorldDefinition.AccountId}:alarm:{Name}";
}
