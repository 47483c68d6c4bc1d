using System.Text.RegularExpressions;
using DrLambdas.DrLab.Iam;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Parameter Store's naming rules (Systems Manager User Guide, "Parameter name requirements"): letters, digits and
/// <c>. - _</c>, a hierarchy starts with '/' and has at most 15 levels, at most 1011 characters, no "aws"/"ssm" prefix;
/// leading and trailing spaces are removed. Parameter ARNs drop the name's leading slash.
/// </summary>
internal static partial class SsmParameterNames
{
    public const int MaxLength = 1011;

    public const int MaxLevels = 15;

    public const string InvalidNameMessage =
        "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If formed as a path, it can consist of "
        + "sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_";

    public const string InvalidPathMessage =
        "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\". "
        + "It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use only letters, numbers, or the following symbols: "
        + ". (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the "
        + "forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.";

    /// <summary>The name a request addresses: trimmed, an ARN of the call's Region and account reduced to the name.</summary>
    public static string FromRequest(string nameOrArn, AwsCall call)
    {
        var name = nameOrArn.Trim();
        var prefix = $"arn:{ArnBuilder.Partition}:ssm:{call.Region}:{WorldDefinition.AccountId}:parameter";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            var rest = name[prefix.Length..];
            return rest.Count(c => c == '/') > 1 ? rest : rest.TrimStart('/');
        }

        return name;
    }

    /// <summary>Throws the ValidationException (or HierarchyLevelLimitExceededException) PutParameter answers a bad name with.</summary>
    public static void RequireValid(string name)
    {
        if (name.Length > MaxLength)
        {
            throw new LabError("ValidationException",
                $"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to {MaxLength}");
        }

        if (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('/'))
        {
            throw new LabError("ValidationException", "Parameter name must be a fully qualified name.");
        }

        var bare = name.TrimStart('/');
        if (!Segments().IsMatch(name) || bare.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            throw new LabError("ValidationException", InvalidNameMessage);
        }

        if (name.Count(c => c == '/') > MaxLevels)
        {
            throw new LabError("HierarchyLevelLimitExceededException",
                $"A hierarchy can have a maximum of {MaxLevels} levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.");
        }
    }

    /// <summary>A GetParametersByPath path normalised to end with '/'; ValidationException when it is not a hierarchy path.</summary>
    public static string RequirePath(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('/') || (trimmed != "/" && !Segments().IsMatch(trimmed.TrimEnd('/')))
            || trimmed.TrimStart('/').StartsWith("aws", StringComparison.OrdinalIgnoreCase)
            || trimmed.TrimStart('/').StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            throw new LabError("ValidationException", InvalidPathMessage);
        }

        return trimmed.TrimEnd('/') + "/";
    }

    /// <summary>arn:aws:ssm:REGION:ACCOUNT:parameter/NAME with the name's leading slash dropped.</summary>
    public static string Arn(string region, string name) =>
        $"arn:{ArnBuilder.Partition}:ssm:{region}:{WorldDefinition.AccountId}:parameter/{name.TrimStart('/')}";

    [GeneratedRegex(@"^/?[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex Segments();
}
