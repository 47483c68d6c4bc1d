using System.Text;
using System.Text.Json;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Every message published to a deployed SNS topic: by Publish, and by alarm actions naming a topic of the alarm's
/// Region. Publish enforces SNS's documented limits.
/// </summary>
internal sealed class NotificationLog(Deployment deployment)
{
    /// <summary>Message plus attributes: at most 256 KB (262,144 bytes of UTF-8).</summary>
    public const int MaxMessageBytes = 262_144;

    /// <summary>Subjects must be shorter than 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    private readonly List<PublishedMessage> _messages = [];

    public IReadOnlyList<PublishedMessage> Messages => _messages;

    public PublishedMessage Publish(
        string region, string topicArn, string? subject, string message, IReadOnlyList<MessageAttribute> attributes, DateTimeOffset now)
    {
        var topic = deployment.FindTopic(topicArn);
        if (topic is null || !string.Equals(topic.Region, region, StringComparison.Ordinal))
        {
            throw new LabError("NotFound", "Topic does not exist", 404);
        }

        if (message.Length == 0)
        {
            throw new LabError("InvalidParameter", "Invalid parameter: Empty message");
        }

        var size = Encoding.UTF8.GetByteCount(message) + attributes.Sum(a =>
            Encoding.UTF8.GetByteCount(a.Name) + Encoding.UTF8.GetByteCount(a.DataType)
            + Encoding.UTF8.GetByteCount(a.StringValue ?? a.BinaryValue ?? string.Empty));
        if (size > MaxMessageBytes)
        {
            throw new LabError("InvalidParameter", "Invalid parameter: Message too long");
        }

        if (subject is not null && SubjectProblem(subject) is { } problem)
        {
            throw new LabError("InvalidParameter", $"Invalid parameter: Subject Reason: {problem}");
        }

        return Record(topic, subject, message, attributes, now);
    }

    /// <summary>Why SNS refuses a subject (UTF-8 text, no line breaks or control characters, under 100 characters), or null.</summary>
    public static string? SubjectProblem(string subject)
    {
        if (subject.Length == 0)
        {
            return "Subject must not be empty";
        }

        if (subject.Any(char.IsControl))
        {
            return "Subject must not contain line breaks or control characters";
        }

        for (var i = 0; i < subject.Length; i++)
        {
            if (char.IsHighSurrogate(subject[i]) && i + 1 < subject.Length && char.IsLowSurrogate(subject[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(subject[i]))
            {
                return "Subject must be valid UTF-8 text";
            }
        }

        return subject.EnumerateRunes().Count() > MaxSubjectLength ? "Subject must be less than 100 characters long" : null;
    }

    /// <summary>CloudWatch's notification to the alarm's topics for the new state (topics of other Regions are skipped, as AWS does).</summary>
    public void DeliverAlarmActions(AlarmDefinition alarm, AlarmTransition change)
    {
        if (!alarm.ActionsEnabled)
        {
            return;
        }

        var actions = change.State switch
        {
            MetricAlarm.Alarm => alarm.AlarmActions,
            MetricAlarm.Ok => alarm.OkActions,
            _ => alarm.InsufficientDataActions,
        };
        foreach (var topic in actions.Select(deployment.FindTopic).OfType<SnsTopic>()
                     .Where(t => string.Equals(t.Region, alarm.Region, StringComparison.Ordinal)))
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["AlarmName"] = alarm.Name,
                ["AlarmDescription"] = alarm.Description,
                ["AlarmArn"] = alarm.Arn,
                ["Region"] = alarm.Region,
                ["NewStateValue"] = change.State,
                ["NewStateReason"] = change.Reason,
                ["OldStateValue"] = change.PreviousState,
                ["StateChangeTime"] = change.At.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", System.Globalization.CultureInfo.InvariantCulture),
            }, AlarmMessageContext.Default.DictionaryStringString);
            var subject = $"{change.State}: \"{alarm.Name}\" in {alarm.Region}";
            Record(topic, subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject, body, [], change.At);
        }
    }

    private PublishedMessage Record(SnsTopic topic, string? subject, string message, IReadOnlyList<MessageAttribute> attributes, DateTimeOffset now)
    {
        var published = new PublishedMessage(Guid.NewGuid().ToString(), topic.Arn, topic.Region, subject, message, attributes, now);
        _messages.Add(published);
        return published;
    }
}
