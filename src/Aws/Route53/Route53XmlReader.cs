using System.Xml.Linq;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Route53;

/// <summary>Maps Route 53 XML responses to the model records.</summary>
internal static class Route53XmlReader
{
    public static ResourceRecordSetPage RecordSetPage(XElement root) => new(
        root.Items("ResourceRecordSets").Select(RecordSet).ToList(),
        root.Bool("IsTruncated") ?? false,
        root.Text("NextRecordName"),
        root.Text("NextRecordType"),
        root.Text("NextRecordIdentifier"));

    public static ResourceRecordSet RecordSet(XElement element) => new(
        element.RequiredText("Name"),
        element.RequiredText("Type"),
        element.Text("SetIdentifier"),
        element.Long("Weight"),
        element.Long("TTL"),
        element.Items("ResourceRecords").Select(r => r.RequiredText("Value")).ToList(),
        element.Child("AliasTarget") is { } alias
            ? new AliasTarget(alias.RequiredText("HostedZoneId"), alias.RequiredText("DNSName"), alias.Bool("EvaluateTargetHealth") ?? false)
            : null,
        element.Text("HealthCheckId"),
        element.Text("TrafficPolicyInstanceId"));

    public static ChangeInfo ChangeInfo(XElement element) => new(
        element.RequiredText("Id"),
        ChangeStatus(element.RequiredText("Status")),
        AwsXml.ParseTimestamp(element.RequiredText("SubmittedAt")),
        element.Text("Comment"));

    public static HealthCheckObservation Observation(XElement element)
    {
        var report = element.Child("StatusReport");
        return new HealthCheckObservation(
            element.Text("Region"),
            element.Text("IPAddress"),
            report?.Text("Status"),
            report?.Timestamp("CheckedTime"));
    }

    private static ChangeStatus ChangeStatus(string status) => status switch
    {
        "PENDING" => Route53.ChangeStatus.Pending,
        "INSYNC" => Route53.ChangeStatus.InSync,
        _ => throw new FormatException($"unknown change status '{status}'"),
    };
}
