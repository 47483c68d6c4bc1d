using System.Text.Json;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Protocol;

/// <summary>AWS's error shapes per protocol, and the codes each service uses for the lab's generic failures.</summary>
internal static class AwsErrors
{
    public const string JsonContentType = "application/x-amz-json-1.0";

    /// <summary>The error document a client of <paramref name="service"/> expects for this protocol.</summary>
    public static AwsReply Reply(AwsProtocol protocol, string service, LabError error, string requestId)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["x-amzn-RequestId"] = requestId };
        if (protocol == AwsProtocol.Json)
        {
            if (string.Equals(service, "monitoring", StringComparison.Ordinal))
            {
                // CloudWatch is awsQueryCompatible: clients read the query error code from this header.
                headers["x-amzn-query-error"] = $"{error.Code};{(error.SenderFault ? "Sender" : "Receiver")}";
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("__type", error.Code);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            // SSM speaks awsJson1_1, the lab's other JSON services awsJson1_0.
            var contentType = string.Equals(service, "ssm", StringComparison.Ordinal) ? "application/x-amz-json-1.1" : JsonContentType;
            return new AwsReply(error.HttpStatus, contentType, System.Text.Encoding.UTF8.GetString(stream.ToArray()), headers)
            {
                ErrorCode = error.Code,
            };
        }

        using var xml = new XmlOut("ErrorResponse", XmlNamespace(service));
        xml.Start("Error")
            .Element("Type", error.SenderFault ? "Sender" : "Receiver")
            .Element("Code", error.Code)
            .Element("Message", error.Message)
            .End()
            .Element("RequestId", requestId);
        return new AwsReply(error.HttpStatus, "text/xml", xml.Finish(), headers) { ErrorCode = error.Code };
    }

    /// <summary>The XML namespace of a service's responses.</summary>
    public static string XmlNamespace(string service) => service switch
    {
        "rds" => "http://rds.amazonaws.com/doc/2014-10-31/",
        "sns" => "http://sns.amazonaws.com/doc/2010-03-31/",
        "monitoring" => "http://monitoring.amazonaws.com/doc/2010-08-01/",
        "route53" => "https://route53.amazonaws.com/doc/2013-04-01/",
        "sts" => "https://sts.amazonaws.com/doc/2011-06-15/",
        _ => "https://drlab.invalid/doc/",
    };

    /// <summary>The service's own throttling error.</summary>
    public static LabError Throttling(string service) => string.Equals(service, "states", StringComparison.Ordinal)
        ? new LabError("ThrottlingException", "Rate exceeded")
        : new LabError("Throttling", "Rate exceeded");

    /// <summary>A transient server-side failure.</summary>
    public static LabError ServiceUnavailable() =>
        new("ServiceUnavailable", "Service is unavailable. Please try again later.", 503, senderFault: false);

    /// <summary>The error for a rejected signature, in the protocol's vocabulary.</summary>
    public static LabError Signature(SignatureVerdict verdict, AwsProtocol protocol)
    {
        var json = protocol == AwsProtocol.Json;
        return verdict.Failure switch
        {
            SignatureFailure.MissingAuthentication =>
                new LabError(json ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken", verdict.Message, 403),
            SignatureFailure.IncompleteSignature =>
                new LabError(json ? "IncompleteSignatureException" : "IncompleteSignature", verdict.Message, 400),
            SignatureFailure.UnknownAccessKey =>
                new LabError(json ? "UnrecognizedClientException" : "InvalidClientTokenId", verdict.Message, json ? 400 : 403),
            _ => new LabError(json ? "InvalidSignatureException" : "SignatureDoesNotMatch", verdict.Message, json ? 400 : 403),
        };
    }

    /// <summary>The operation is not one the service (or the lab) serves.</summary>
    public static LabError UnknownOperation(AwsProtocol protocol, string operation) => protocol switch
    {
        AwsProtocol.Query => new LabError("InvalidAction", $"The action {operation} is not valid for this web service."),
        AwsProtocol.Json => new LabError("UnknownOperationException", $"The lab does not serve the operation {operation}."),
        _ => new LabError("InvalidInput", $"The lab does not serve {operation}.", 404),
    };
}
