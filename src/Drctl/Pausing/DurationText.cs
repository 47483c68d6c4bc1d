using System.Globalization;
using System.Text.RegularExpressions;

namespace DrLambdas.Drctl.Pausing;

/// <summary>Durations as operators type them: <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c>.</summary>
internal static partial class DurationText
{
    [GeneratedRegex("^(?:(?<d>[0-9]+)d)?(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <exception cref="DrctlException">Not a duration, or zero (usage error).</exception>
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || match.Length == 0)
        {
            throw DrctlException.Usage($"'{text}' is not a duration such as 90s, 30m, 2h, 1d or 1h30m.");
        }

        static long Part(Match m, string name) =>
            m.Groups[name].Success ? long.Parse(m.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        var seconds = (Part(match, "d") * 86400) + (Part(match, "h") * 3600) + (Part(match, "m") * 60) + Part(match, "s");
        if (seconds <= 0)
        {
            throw DrctlException.Usage($"the duration '{text}' must be longer than zero.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
