using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>SNS (awsQuery, 2010-03-31): Publish to the lab's topic in the called Region; every message is kept.</summary>
internal sealed class SnsService : IAwsService
{
    public string SigningName => "sns";

    public bool IsGlobal => false;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Query];

    public string? JsonTargetPrefix => null;

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "Publish" => Publish(call, world),
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
}
