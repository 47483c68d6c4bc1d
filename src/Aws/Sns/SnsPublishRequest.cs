namespace DrLambdas.Aws.Sns;

/// <summary>Input of SNS <c>Publish</c>.</summary>
/// <param name="TopicArn">The topic to publish to.</param>
/// <param name="Message">The message body (at most 256 KiB of UTF-8).</param>
/// <param name="Subject">E-mail subject: printable text without line breaks, shorter than 100 characters.</param>
/// <param name="MessageAttributes">Attributes for subscription filter policies, by name.</param>
public sealed record SnsPublishRequest(
    string TopicArn,
    string Message,
    string? Subject = null,
    IReadOnlyDictionary<string, SnsMessageAttributeValue>? MessageAttributes = null);

/// <summary>The value of an SNS message attribute.</summary>
/// <param name="DataType"><c>String</c>, <c>Number</c> or <c>String.Array</c> (optionally with a custom suffix such as <c>String.incident</c>).</param>
/// <param name="StringValue">The value as text.</param>
public sealed record SnsMessageAttributeValue(string DataType, string StringValue)
{
    /// <summary>A <c>String</c> attribute.</summary>
    public static SnsMessageAttributeValue Text(string value) => new("String", value);

    /// <summary>A <c>Number</c> attribute.</summary>
    public static SnsMessageAttributeValue Number(string value) => new("Number", value);
}
