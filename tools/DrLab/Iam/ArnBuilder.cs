using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>Resource ARNs in the lab's partition and account, as the Service Authorization Reference writes them.</summary>
internal static class ArnBuilder
{
    public const string Partition = "aws";

    /// <summary>arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE for the call's Region.</summary>
    public static string Regional(string service, AwsCall call, string resource) =>
        $"arn:{Partition}:{service}:{call.Region}:{WorldDefinition.AccountId}:{resource}";

    /// <summary>The value itself when it already is an ARN, else the ARN <paramref name="build"/> makes of it.</summary>
    public static string OrArn(string value, Func<string, string> build) =>
        value.StartsWith("arn:", StringComparison.Ordinal) ? value : build(value);

    /// <summary>The resource list for an optional identifier: its ARN, or "*" when the call does not name one.</summary>
    public static IReadOnlyList<string> Named(string? identifier, Func<string, string> build) =>
        identifier is null ? RequiredPermission.AnyResource : [OrArn(identifier, build)];
}
