using System.Globalization;
using System.Text.Json;
using DrLambdas.Aws.Ssm;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// The operator's pause (<c>{"pausedBy","reason","pausedAt","expiresAt"}</c> in an SSM String parameter): a pause in
/// force is reported for information, one past its expiry (no longer in force, but still there) as a warning.
/// </summary>
internal sealed class PauseReadiness(IParameterStore parameters, DrConfiguration configuration, SourceRunner runner)
{
    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (configuration.PauseParameterName is not { } name)
        {
            return [];
        }

        var result = await runner.RunAsync(ct => parameters.GetAsync(name, false, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return [Unreadable.Finding(result, $"parameter {name}", "ssm:GetParameter")];
        }

        if (result.Value is not { } text)
        {
            return [];
        }

        if (!TryRead(text, out var pause))
        {
            return
            [
                new ReadinessFinding(
                    ReadinessCodes.PauseUnreadable, ReadinessSeverity.Warning, $"parameter {name}",
                    "The pause parameter does not hold a pause document: whether automatic failover is paused is unclear.",
                    text.Length > 200 ? text[..200] + "…" : text,
                    $"Delete the parameter {name} (resume) or pause again with drctl."),
            ];
        }

        var by = $"paused by {pause.PausedBy} at {pause.PausedAt:O}: {pause.Reason}";
        return pause.ExpiresAt <= now
            ?
            [
                new ReadinessFinding(
                    ReadinessCodes.PauseExpired, ReadinessSeverity.Warning, $"parameter {name}",
                    "A pause outlived its expiry: automatic failover runs again, but the parameter still says paused.",
                    string.Create(CultureInfo.InvariantCulture, $"{by}; expired at {pause.ExpiresAt:O}"),
                    $"Resume (drctl resume, or delete the parameter {name}); pause again with a new expiry if the work is not done."),
            ]
            :
            [
                new ReadinessFinding(
                    ReadinessCodes.Paused, ReadinessSeverity.Info, $"parameter {name}",
                    "Automatic failover is paused by an operator.",
                    string.Create(CultureInfo.InvariantCulture, $"{by}; expires at {pause.ExpiresAt:O}"),
                    "Resume when the work is done (drctl resume)."),
            ];
    }

    private static bool TryRead(string text, out Pause pause)
    {
        pause = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryText(root, "pausedBy", out var pausedBy)
                || !TryText(root, "reason", out var reason)
                || !TryInstant(root, "pausedAt", out var pausedAt)
                || !TryInstant(root, "expiresAt", out var expiresAt))
            {
                return false;
            }

            pause = new Pause(pausedBy, reason, pausedAt, expiresAt);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryText(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString()! : string.Empty;
        return value.Length > 0;
    }

    private static bool TryInstant(JsonElement root, string name, out DateTimeOffset value)
    {
        value = default;
        return TryText(root, name, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private readonly record struct Pause(string PausedBy, string Reason, DateTimeOffset PausedAt, DateTimeOffset ExpiresAt);
}
