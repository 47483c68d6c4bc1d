using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// Route 53's actions and resources (arn:aws:route53:::hostedzone/ID, change/ID, healthcheck/ID) and, for
/// ChangeResourceRecordSets, the condition keys route53:ChangeResourceRecordSetsActions,
/// route53:ChangeResourceRecordSetsNormalizedRecordNames and route53:ChangeResourceRecordSetsRecordTypes read from
/// the change batch.
/// </summary>
internal sealed partial class Route53Authorization : IServiceAuthorization
{
    public const string ActionsKey = "route53:ChangeResourceRecordSetsActions";
    public const string NamesKey = "route53:ChangeResourceRecordSetsNormalizedRecordNames";
    public const string TypesKey = "route53:ChangeResourceRecordSetsRecordTypes";

    public string SigningName => "route53";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "route53:" + call.Operation;
        if (Route53Paths.RecordSets().Match(call.Path) is { Success: true } zone)
        {
            var resource = Arn("hostedzone/" + zone.Groups[1].Value);
            return string.Equals(call.Operation, "ChangeResourceRecordSets", StringComparison.Ordinal)
                ? [new RequiredPermission(action, [resource], ChangeBatchContext(call.Body))]
                : [new RequiredPermission(action, [resource])];
        }

        if (Route53Paths.Change().Match(call.Path) is { Success: true } change)
        {
            return [new RequiredPermission(action, [Arn("change/" + change.Groups[1].Value)])];
        }

        if (Route53Paths.HealthCheck().Match(call.Path) is { Success: true } one)
        {
            return [new RequiredPermission(action, [Arn("healthcheck/" + one.Groups[1].Value)])];
        }

        // CreateHealthCheck and ListHealthChecks have no resource type: they are authorized on "*".
        return Route53Paths.HealthCheckStatus().Match(call.Path) is { Success: true } check
            ? [new RequiredPermission(action, [Arn("healthcheck/" + check.Groups[1].Value)])]
            : [new RequiredPermission(action, RequiredPermission.AnyResource)];
    }

    /// <summary>
    /// Route 53's normalised record name: lower case, no trailing dot, and every character other than a-z, 0-9,
    /// '-', '_' and '.' written as a backslash and its three-digit octal code (an existing \ooo escape is kept).
    /// </summary>
    public static string NormalizeRecordName(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (lower.EndsWith('.'))
        {
            lower = lower[..^1];
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else if (c == '\\' && i + 4 <= lower.Length && OctalEscape().IsMatch(lower.AsSpan(i, 4)))
            {
                builder.Append(lower, i, 4);
                i += 3;
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                }
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, IReadOnlyList<string>> ChangeBatchContext(byte[] body)
    {
        // A malformed batch throws the service's own InvalidInput error, as Route 53 refuses it.
        var (changes, _) = Route53ChangeBatchReader.Read(body);
        var context = AuthorizationRequest.NewContext();
        context[ActionsKey] = changes.Select(c => c.Action).Distinct(StringComparer.Ordinal).ToList();
        context[NamesKey] = changes.Select(c => NormalizeRecordName(c.RecordSet.Name)).Distinct(StringComparer.Ordinal).ToList();
        context[TypesKey] = changes.Select(c => c.RecordSet.Type.ToUpper(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).ToList();
        return context;
    }

    private static string Arn(string resource) => $"arn:{ArnBuilder.Partition}:route53:::{resource}";

    [GeneratedRegex("^\\\\[0-7]{3}$")]
    private static partial Regex OctalEscape();
}
