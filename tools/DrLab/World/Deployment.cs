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
    private readonly List<SnsSubscription> _subscriptions = [];

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

    /// <summary>Removes an alarm (DeleteAlarms, or a misconfiguration injected through the control API); true when it existed.</summary>
    public bool DeleteAlarm(string region, string name) => _alarms.Remove((region, name)) | _composites.Remove((region, name));

    /// <summary>The subscriptions of a topic in creation order.</summary>
    public IReadOnlyList<SnsSubscription> SubscriptionsOf(string topicArn) =>
        _subscriptions.Where(s => string.Equals(s.TopicArn, topicArn, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Subscribe: the same protocol and endpoint again returns the existing subscription; endpoints that must confirm
    /// start pending. The ARN is the topic's followed by a UUID derived from the endpoint (reproducible).
    /// </summary>
    public SnsSubscription Subscribe(string topicArn, string protocol, string endpoint)
    {
        if (_subscriptions.FirstOrDefault(s => s.TopicArn == topicArn && s.Protocol == protocol && s.Endpoint == endpoint) is { } existing)
        {
            return existing;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{topicArn}\u0001{protocol}\u0001{endpoint}")));
        var arn = $"{topicArn}:{hash[..8]}-{hash[8..12]}-4{hash[13..16]}-a{hash[17..20]}-{hash[20..32]}";
        var subscription = new SnsSubscription(arn, topicArn, protocol, endpoint, !SnsSubscription.ConfirmedByEndpoint.Contains(protocol, StringComparer.Ordinal));
        _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>The endpoint's owner confirms every pending subscription of the topic (all topics when null); returns how many.</summary>
    public int ConfirmSubscriptions(string? topicArn)
    {
        var count = 0;
        for (var index = 0; index < _subscriptions.Count; index++)
        {
            var subscription = _subscriptions[index];
            if (!subscription.Confirmed && (topicArn is null || subscription.TopicArn == topicArn))
            {
                _subscriptions[index] = subscription with { Confirmed = true };
                count++;
            }
        }

        return count;
    }

    /// <summary>Unsubscribe by ARN; false when there is no such subscription.</summary>
    public bool Unsubscribe(string subscriptionArn) => _subscriptions.RemoveAll(s => s.Arn == subscriptionArn) > 0;

    /// <summary>Removes every subscription of the topic (all topics when null); returns how many.</summary>
    public int RemoveSubscriptions(string? topicArn) => _subscriptions.RemoveAll(s => topicArn is null || s.TopicArn == topicArn);

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
