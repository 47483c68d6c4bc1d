namespace DrLambdas.DrLab.World;

/// <summary>
/// What was deployed into the lab through the AWS APIs (alarms, topics, state machines, health checks), each in the Region it was
/// created in. The deployment outlives <c>POST /_lab/reset</c>: a reset puts the world back, not the stack.
/// </summary>
internal sealed class Deployment
{
    private readonly Dictionary<(string Region, string Name), AlarmDefinition> _alarms = [];
    private readonly Dictionary<(string Region, string Name), CompositeAlarmDefinition> _composites = [];
    private readonly Dictionary<string, SnsTopic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StateMachine> _stateMachines = new(StringComparer.Ordinal);

    /// <summary>The Route 53 health checks created through the API (the built-in ones are part of the world definition).</summary>
    public HealthCheckRegistry HealthChecks { get; } = new();

    /// <summary>Alarm definitions in creation order.</summary>
    public IReadOnlyList<AlarmDefinition> Alarms => _alarms.Values.OrderBy(a => a.ConfiguredAt).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<SnsTopic> Topics => _topics.Values;

    public IReadOnlyCollection<StateMachine> StateMachines => _stateMachines.Values;

    /// <summary>Creates or replaces an alarm of its Region; true when it is new.</summary>
    public bool PutAlarm(AlarmDefinition alarm)
    {
        var isNew = !_alarms.ContainsKey((alarm.Region, alarm.Name));
        _alarms[(alarm.Region, alarm.Name)] = alarm;
        return isNew;
    }

    public AlarmDefinition? FindAlarm(string region, string name) => _alarms.GetValueOrDefault((region, name));

    /// <summary>Composite alarm definitions in creation order.</summary>
    public IReadOnlyList<CompositeAlarmDefinition> CompositeAlarms =>
        _composites.Values.OrderBy(a => a.ConfiguredAt).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();

    /// <summary>Creates or replaces a composite alarm of its Region; true when it is new.</summary>
    public bool PutCompositeAlarm(CompositeAlarmDefinition alarm)
    {
        var isNew = !_composites.ContainsKey((alarm.Region, alarm.Name));
        _composites[(alarm.Region, alarm.Name)] = alarm;
        return isNew;
    }

    /// <summary>
    /// CreateTopic: idempotent for the same name and attributes (the existing topic is returned); the same name with
    /// other attributes is InvalidParameter, as SNS answers.
    /// </summary>
    public SnsTopic CreateTopic(string region, string name, IReadOnlyDictionary<string, string> attributes, DateTimeOffset now)
    {
        var arn = $"arn:aws:sns:{region}:{WorldDefinition.AccountId}:{name}";
        if (_topics.TryGetValue(arn, out var existing))
        {
            var same = existing.Attributes.Count == attributes.Count
                && attributes.All(a => existing.Attributes.TryGetValue(a.Key, out var value) && string.Equals(value, a.Value, StringComparison.Ordinal));
            return same
                ? existing
                : throw new LabError("InvalidParameter", "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
        }

        var topic = new SnsTopic(arn, name, region, new Dictionary<string, string>(attributes, StringComparer.Ordinal), now);
        _topics[arn] = topic;
        return topic;
    }

    public SnsTopic? FindTopic(string arn) => _topics.GetValueOrDefault(arn);

    /// <summary>
    /// CreateStateMachine: the same name, definition, role and type again returns the existing machine; anything else
    /// under that name is StateMachineAlreadyExists.
    /// </summary>
    public StateMachine CreateStateMachine(StateMachine machine)
    {
        if (_stateMachines.TryGetValue(machine.Arn, out var existing))
        {
            var same = string.Equals(existing.Definition, machine.Definition, StringComparison.Ordinal)
                && string.Equals(existing.RoleArn, machine.RoleArn, StringComparison.Ordinal)
                && string.Equals(existing.Type, machine.Type, StringComparison.Ordinal);
            return same
                ? existing
                : throw new LabError("StateMachineAlreadyExists", $"State Machine Already Exists: '{machine.Arn}'");
        }

        _stateMachines[machine.Arn] = machine;
        return machine;
    }

    public StateMachine? FindStateMachine(string arn) => _stateMachines.GetValueOrDefault(arn);
}
