using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DrLambdas.Shared.Pause;

/// <summary>
/// The pause of automatic failover, as kept in the SSM String parameter <c>DR_PAUSE_PARAMETER_NAME</c>:
/// <c>{"pausedBy": "&lt;caller ARN&gt;", "reason": "...", "pausedAt": "&lt;UTC ISO-8601&gt;", "expiresAt": "&lt;UTC ISO-8601&gt;"}</c>.
/// </summary>
/// <param name="PausedBy">Who paused: the caller's ARN (a full assumed-role ARN is fine).</param>
/// <param name="Reason">Why, in the operator's words.</param>
/// <param name="PausedAt">When the pause was set.</param>
/// <param name="ExpiresAt">When it stops applying on its own (strictly after <paramref name="PausedAt"/>).</param>
public sealed record PauseDocument(string PausedBy, string Reason, DateTimeOffset PausedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Longest accepted <see cref="PausedBy"/>: an ARN is at most 2048 characters.</summary>
    public const int MaxPausedByLength = 2048;

    /// <summary>Longest accepted <see cref="Reason"/>.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Whether the pause applies at <paramref name="now"/>: from the moment it is read until <see cref="ExpiresAt"/> (exclusive).</summary>
    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>The document as the parameter holds it (UTC instants to the second, members in the documented order).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("pausedBy", PausedBy);
            writer.WriteString("reason", Reason);
            writer.WriteString("pausedAt", Utc(PausedAt));
            writer.WriteString("expiresAt", Utc(ExpiresAt));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
