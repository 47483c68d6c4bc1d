using DrLambdas.DrLab.Protocol;

namespace DrLambdas.DrLab.Services;

/// <summary>The awsQuery response envelope: OperationResponse / OperationResult / ResponseMetadata.</summary>
internal static class QueryReplies
{
    public static AwsReply Envelope(string service, AwsCall call, Action<XmlOut> writeResult)
    {
        using var xml = new XmlOut(call.Operation + "Response", AwsErrors.XmlNamespace(service));
        xml.Start(call.Operation + "Result");
        writeResult(xml);
        xml.End();
        xml.Start("ResponseMetadata").Element("RequestId", call.RequestId).End();
        return new AwsReply(200, "text/xml", xml.Finish(),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["x-amzn-RequestId"] = call.RequestId });
    }

    /// <summary>A required parameter, or AWS's MissingParameter error.</summary>
    public static string Required(AwsCall call, string name) =>
        call.Param(name) is { Length: > 0 } value
            ? value
            : throw new World.LabError("MissingParameter", $"The request must contain the parameter {name}.");
}
