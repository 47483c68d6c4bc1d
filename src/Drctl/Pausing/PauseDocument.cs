using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Drctl.Output;

namespace DrLambdas.Drctl.Pausing;

/// <summary>The pause of automatic failover, as kept in SSM (INTERFACES.md): who, why, since and until when.</summary>
/// <param name="PausedBy">The caller's ARN.</param>
/// <param name="Reason">Why.</param>
/// <param name="PausedAt">Since when.</param>
/// <param name="ExpiresAt">Until when; past it the pause no longer holds.</param>
internal sealed record PauseDocument(string PausedBy, string Reason, DateTimeOffset PausedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The parameter value.</summary>
    public string ToJson() => new JsonObject
    {
        ["pausedBy"] = PausedBy,
        ["reason"] = Reason,
        ["pausedAt"] = Json.Time(PausedAt),
        ["expiresAt"] = Json.Time(ExpiresAt),
    }.ToJsonString();

    /// <summary>Reads a parameter value; null when it is not a pause document.</summary>
    public static PauseDocument? Parse(string value)
    {
        var node = Json.Parse(value);
        var by = Json.Text(node, "pausedBy");
        var reason = Json.Text(node, "reason");
        if (by is null || reason is null
            || !TryTime(Json.Text(node, "pausedAt"), out var at) || !TryTime(Json.Text(node, "expiresAt"), out var until))
        {
            return null;
        }

        return new PauseDocument(by, reason, at, until);
    }

    private static bool TryTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}

/// <summary>Where the pause stands, as <c>status</c> shows it.</summary>
/// <param name="State">NotConfigured, NotPaused, Paused, Expired or Unknown.</param>
/// <param name="Document">The pause, when one is stored.</param>
/// <param name="Problem">Why it is Unknown.</param>
internal sealed record PauseState(string State, PauseDocument? Document, string? Problem)
{
    /// <summary>The state as a line.</summary>
    public string Describe() => State switch
    {
        "Paused" => $"PAUSED by {Document!.PausedBy} since {Json.Time(Document.PausedAt)} until {Json.Time(Document.ExpiresAt)}: {Document.Reason}",
        "Expired" => $"not paused (the pause by {Document!.PausedBy} expired at {Json.Time(Document.ExpiresAt)})",
        "NotPaused" => "not paused",
        "NotConfigured" => "unknown (DR_PAUSE_PARAMETER_NAME is not set)",
        _ => "unknown: " + Problem,
    };

    /// <summary>The <c>--json</c> form.</summary>
    public JsonObject ToJson() => new()
    {
        ["state"] = State,
        ["pausedBy"] = Document?.PausedBy,
        ["reason"] = Document?.Reason,
        ["pausedAt"] = Json.Time(Document?.PausedAt),
        ["expiresAt"] = Json.Time(Document?.ExpiresAt),
        ["problem"] = Problem,
    };

    /// <summary>Classifies a stored value at <paramref name="now"/>.</summary>
    public static PauseState Of(string? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return new PauseState("NotPaused", null, null);
        }

        var document = PauseDocument.Parse(value);
        if (document is null)
        {
            return new PauseState("Unknown", null, "the pause parameter does not hold a pause document");
        }

        return new PauseState(document.ExpiresAt > now ? "Paused" : "Expired", document, null);
    }
}
