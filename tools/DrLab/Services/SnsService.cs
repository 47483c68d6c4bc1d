using System.Text.RegularExpressions;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// SNS (awsQuery, 2010-03-31): CreateTopic in the called Region, Publish to a topic created there (every message is
/// kept), and Subscribe, ListSubscriptionsByTopic and Unsubscribe (e-mail, HTTP/S and SMS endpoints stay pending until
/// confirmed through the control API, as their owner would confirm them).
/// </summary>
internal sealed partial class SnsService : IAwsService
{
    private static readonly string[] TopicAttributes =
    [
        "DeliveryPolicy", "DisplayName", "FifoTopic", "Policy", "SignatureVersion", "TracingConfig", "KmsMasterKeyId",
        "ArchivePolicy", "ContentBasedDeduplication", "FifoThroughputScope",
    ];

    public string SigningName => "sns";

    public bool IsGlobal => false;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Query];

    public string? JsonTargetPrefix => null;

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "Publish" => Publish(call, world),
        "CreateTopic" => CreateTopic(call, world),
        "Subscribe" => Subscribe(call, world),
        "ListSubscriptionsByTopic" => ListSubscriptionsByTopic(call, world),
        "Unsubscribe" => Unsubscribe(call, world),
        _ => throw AwsErrors.UnknownOperation(AwsProtocol.Query, call.Operation),
    };

    private static AwsReply Publish(AwsCall call, WorldState world)
    {
        var topicArn = call.Param("TopicArn") ?? call.Param("TargetArn")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        if (call.Param("PhoneNumber") is not null)
        {
            throw new LabError("InvalidParameter", "Invalid parameter: PhoneNumber Reason: the lab delivers to topics only");
        }

        var message = call.Param("Message")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: Message Reason: no value for required parameter");
        var attributes = QueryParameters.Structures(call.Parameters, "MessageAttributes.entry")
            .Select(ParseAttribute)
            .ToList();
        var published = world.Notifications.Publish(call.Region, topicArn, call.Param("Subject"), message, attributes, world.Now);
        var reply = QueryReplies.Envelope("sns", call, xml => xml.Element("MessageId", published.MessageId));
        return reply with { LogDetail = published.Subject };
    }

    private static AwsReply CreateTopic(AwsCall call, WorldState world)
    {
        var name = call.Param("Name")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: Name Reason: no value for required parameter");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in QueryParameters.Structures(call.Parameters, "Attributes.entry"))
        {
            var key = entry.GetValueOrDefault("key") ?? entry.GetValueOrDefault("Key")
                ?? throw new LabError("InvalidParameter", "Invalid parameter: Attributes Reason: an attribute has no key");
            if (!TopicAttributes.Contains(key, StringComparer.Ordinal))
            {
                throw new LabError("InvalidParameter", $"Invalid parameter: AttributeName Reason: Unknown attribute {key}");
            }

            attributes[key] = entry.GetValueOrDefault("value") ?? entry.GetValueOrDefault("Value") ?? string.Empty;
        }

        var fifo = string.Equals(attributes.GetValueOrDefault("FifoTopic"), "true", StringComparison.OrdinalIgnoreCase);
        var baseName = fifo && name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        if (!TopicName().IsMatch(baseName) || (!fifo && name.EndsWith(".fifo", StringComparison.Ordinal)) || (fifo && baseName.Length == name.Length))
        {
            throw new LabError("InvalidParameter",
                "Invalid parameter: Topic Name Reason: names are 1-256 ASCII letters, digits, underscores and hyphens (FIFO topics end in .fifo)");
        }

        var topic = world.Deployment.CreateTopic(call.Region, name, attributes, world.Now);
        var reply = QueryReplies.Envelope("sns", call, xml => xml.Element("TopicArn", topic.Arn));
        return reply with { LogDetail = topic.Arn + (topic.KmsMasterKeyId is { } kms ? " kms=" + kms : string.Empty) };
    }

    private static AwsReply Subscribe(AwsCall call, WorldState world)
    {
        var topic = RequireTopic(call, world);
        var protocol = call.Param("Protocol")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: Protocol Reason: no value for required parameter");
        if (!SnsSubscription.Protocols.Contains(protocol, StringComparer.Ordinal))
        {
            throw new LabError("InvalidParameter", $"Invalid parameter: Amazon SNS does not support this protocol string: {protocol}");
        }

        var endpoint = call.Param("Endpoint")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: Endpoint Reason: no value for required parameter");
        var subscription = world.Deployment.Subscribe(topic.Arn, protocol, endpoint);
        var returnArn = string.Equals(call.Param("ReturnSubscriptionArn"), "true", StringComparison.OrdinalIgnoreCase);
        var shown = subscription.Confirmed || returnArn ? subscription.Arn : "pending confirmation";
        var reply = QueryReplies.Envelope("sns", call, xml => xml.Element("SubscriptionArn", shown));
        return reply with { LogDetail = $"{protocol} {endpoint} {(subscription.Confirmed ? "confirmed" : "pending confirmation")}" };
    }

    /// <summary>Up to 100 subscriptions per page, as SNS pages them; the token is the index of the next one.</summary>
    private static AwsReply ListSubscriptionsByTopic(AwsCall call, WorldState world)
    {
        const int PageSize = 100;
        var topic = RequireTopic(call, world);
        var all = world.Deployment.SubscriptionsOf(topic.Arn);
        var start = 0;
        if (call.Param("NextToken") is { } token
            && (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start) || start > all.Count))
        {
            throw new LabError("InvalidParameter", "Invalid parameter: NextToken");
        }

        var page = all.Skip(start).Take(PageSize).ToList();
        var reply = QueryReplies.Envelope("sns", call, xml =>
        {
            xml.Start("Subscriptions");
            foreach (var subscription in page)
            {
                xml.Start("member")
                    .Element("SubscriptionArn", subscription.ListedArn)
                    .Element("Owner", WorldDefinition.AccountId)
                    .Element("Protocol", subscription.Protocol)
                    .Element("Endpoint", subscription.Endpoint)
                    .Element("TopicArn", subscription.TopicArn)
                    .End();
            }

            xml.End();
            if (start + page.Count < all.Count)
            {
                xml.Element("NextToken", (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        return reply with { LogDetail = $"{page.Count(s => s.Confirmed)} confirmed of {page.Count}" };
    }

    private static AwsReply Unsubscribe(AwsCall call, WorldState world)
    {
        var arn = call.Param("SubscriptionArn")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: SubscriptionArn Reason: no value for required parameter");
        if (!world.Deployment.Unsubscribe(arn))
        {
            throw new LabError("NotFound", "Subscription does not exist", 404);
        }

        return QueryReplies.Envelope("sns", call, _ => { }) with { LogDetail = arn };
    }

    private static SnsTopic RequireTopic(AwsCall call, WorldState world)
    {
        var arn = call.Param("TopicArn")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: TopicArn Reason: no value for required parameter");
        return world.Deployment.FindTopic(arn) ?? throw new LabError("NotFound", "Topic does not exist", 404);
    }

    private static MessageAttribute ParseAttribute(IReadOnlyDictionary<string, string> entry)
    {
        var name = entry.GetValueOrDefault("Name")
            ?? throw new LabError("InvalidParameter", "Invalid parameter: MessageAttributes Reason: an attribute has no name");
        var dataType = entry.GetValueOrDefault("Value.DataType")
            ?? throw new LabError("ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute type.");
        var stringValue = entry.GetValueOrDefault("Value.StringValue");
        var binaryValue = entry.GetValueOrDefault("Value.BinaryValue");
        if (stringValue is null && binaryValue is null)
        {
            throw new LabError("ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value.");
        }

        if (!dataType.StartsWith("String", StringComparison.Ordinal) && !dataType.StartsWith("Number", StringComparison.Ordinal)
            && !dataType.StartsWith("Binary", StringComparison.Ordinal))
        {
            throw new LabError("ParameterValueInvalid",
                $"The message attribute '{name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }

        return new MessageAttribute(name, dataType, stringValue, binaryValue);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicName();
}
