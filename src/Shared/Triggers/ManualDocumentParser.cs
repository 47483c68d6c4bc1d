using System.Text.Json;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Triggers;

/// <summary>
/// Reads the manual document <c>{mode, targetRegion, reason, force, requestedBy}</c>. Unknown fields are
/// rejected: a misspelt <c>force</c> must not silently turn into <c>false</c>.
/// </summary>
internal static class ManualDocumentParser
{
    /// <summary>The longest <c>reason</c> accepted: a paragraph, not a document (it is copied into notices and logs).</summary>
    public const int MaxReasonLength = 512;

    /// <summary>The longest <c>requestedBy</c> accepted: a full assumed-role session ARN (up to about 180 characters) fits.</summary>
    public const int MaxRequestedByLength = 256;

    private static readonly string[] KnownFields = ["mode", "targetRegion", "reason", "force", "requestedBy"];

    public static Trigger Parse(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new InputValidationException(property.Name, $"is not a known field; expected {string.Join(", ", KnownFields)}");
            }
        }

        var mode = ParseMode(JsonFields.RequiredString(root, "mode", "mode"));
        var targetRegion = JsonFields.OptionalString(root, "targetRegion", "targetRegion");
        if (targetRegion is not null && !Configuration.ConfigurationFormats.RegionName().IsMatch(targetRegion))
        {
            throw new InputValidationException("targetRegion", $"must be an AWS Region name such as ap-northeast-1, got '{targetRegion}'");
        }

        return Trigger.FromManual(
            mode,
            targetRegion,
            JsonFields.RequiredText(root, "reason", "reason", MaxReasonLength),
            JsonFields.OptionalBoolean(root, "force", "force"),
            JsonFields.RequiredText(root, "requestedBy", "requestedBy", MaxRequestedByLength));
    }

    private static TriggerMode ParseMode(string value) => value switch
    {
        "failover" => TriggerMode.Failover,
        "switchover" => TriggerMode.Switchover,
        "failback" => TriggerMode.Failback,
        "dry-run" => TriggerMode.DryRun,
        _ => throw new InputValidationException("mode", $"must be failover, switchover, failback or dry-run, got '{value}'"),
    };
}
