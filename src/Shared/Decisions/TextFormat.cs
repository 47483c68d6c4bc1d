using System.Globalization;

namespace DrLambdas.Shared.Decisions;

/// <summary>How durations and instants appear in operator-facing text: invariant, UTC, seconds.</summary>
internal static class TextFormat
{
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string Minutes(TimeSpan duration) =>
        duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "none" : text;
    }

    public static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
