using System.Globalization;
using System.Text.Json;
using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Pause;

/// <summary>Reads the pause parameter's value; anything but a complete, consistent document is an error, never "not paused".</summary>
public static class PauseDocumentParser
{
    /// <summary>The document in <paramref name="json"/>.</summary>
    /// <exception cref="InputValidationException">Not JSON, not an object, a member missing or malformed, or expiresAt not after pausedAt.</exception>
    public static PauseDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InputValidationException("$", $"is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputValidationException("$", $"must be a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var pausedBy = JsonFields.RequiredText(root, "pausedBy", "pausedBy", PauseDocument.MaxPausedByLength);
            var reason = JsonFields.RequiredText(root, "reason", "reason", PauseDocument.MaxReasonLength);
            var pausedAt = UtcInstant(root, "pausedAt");
            var expiresAt = UtcInstant(root, "expiresAt");
            if (expiresAt <= pausedAt)
            {
                throw new InputValidationException("expiresAt", $"must be after pausedAt ({PauseDocument.Utc(pausedAt)}), got {PauseDocument.Utc(expiresAt)}");
            }

            return new PauseDocument(pausedBy, reason, pausedAt, expiresAt);
        }
    }

    /// <summary>An ISO-8601 instant in UTC (<c>Z</c> or <c>+00:00</c>); a local or offset time is ambiguous to a reader and rejected.</summary>
    private static DateTimeOffset UtcInstant(JsonElement root, string name)
    {
        var text = JsonFields.RequiredString(root, name, name);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || !HasUtcDesignator(text))
        {
            throw new InputValidationException(name, $"must be a UTC ISO-8601 instant such as 2026-03-01T00:00:00Z, got '{text}'");
        }

        if (instant.Offset != TimeSpan.Zero)
        {
            throw new InputValidationException(name, $"must be in UTC (Z), got offset {instant.Offset}");
        }

        return instant;
    }

    private static bool HasUtcDesignator(string text) =>
        text.Contains('T', StringComparison.Ordinal)
        && (text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal));
}
