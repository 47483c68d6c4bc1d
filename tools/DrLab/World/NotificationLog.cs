namespace DrLambdas.DrLab.World;

/// <summary>The lab's SNS topics (one per Region) and every message ever published to them.</summary>
internal sealed class NotificationLog(WorldDefinition definition)
{
    private const int MaxMessageBytes = 262_144;
    private readonly List<PublishedMessage> _messages = [];

    public IReadOnlyList<PublishedMessage> Messages => _messages;

    public PublishedMessage Publish(
        string region, string topicArn, string? subject, string message, IReadOnlyList<MessageAttribute> attributes, DateTimeOffset now)
    {
        if (!string.Equals(topicArn, definition.TopicArn(region), StringComparison.Ordinal))
        {
            throw new LabError("NotFound", $"Topic does not exist: {topicArn} (the topic of {region} is {definition.TopicArn(region)}).", 404);
        }

        if (message.Length == 0)
        {
            throw new LabError("InvalidParameter", "Invalid parameter: Empty message");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
        {
            throw new LabError("InvalidParameter", "Invalid parameter: Message too long");
        }

        if (subject is not null && (subject.Length == 0 || subject.Length > 100 || subject.Any(char.IsControl)))
        {
            throw new LabError("InvalidParameter",
                "Invalid parameter: Subject must be 1-100 printable characters without line breaks.");
        }

        var published = new PublishedMessage(Guid.NewGuid().ToString(), topicArn, region, subject, message, attributes, now);
        _messages.Add(published);
        return published;
    }
}
