namespace DrLambdas.DrLab.World;

/// <summary>One SNS message attribute.</summary>
internal sealed record MessageAttribute(string Name, string DataType, string? StringValue, string? BinaryValue);

/// <summary>One message published to a lab topic.</summary>
internal sealed record PublishedMessage(
    string MessageId,
    string TopicArn,
    string Region,
    string? Subject,
    string Message,
    IReadOnlyList<MessageAttribute> Attributes,
    DateTimeOffset PublishedAt);
