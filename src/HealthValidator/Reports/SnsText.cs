using System.Globalization;
using System.Text;

namespace DrLambdas.HealthValidator.Reports;

/// <summary>Text fit for SNS e-mail: subjects are ASCII, single-line and under 100 characters.</summary>
internal static class SnsText
{
    /// <summary>SNS rejects subjects of 100 characters or more.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>Makes <paramref name="text"/> a valid SNS subject: arrows spelt <c>-&gt;</c>, other non-ASCII replaced, truncated.</summary>
    public static string Subject(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Replace("→", "->", StringComparison.Ordinal))
        {
            builder.Append(character is >= ' ' and <= '~' ? character : character is '\r' or '\n' or '\t' ? ' ' : '?');
        }

        var subject = builder.ToString().Trim();
        return subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 3)] + "...";
    }

    /// <summary>
    /// One line of a message body: control characters (line breaks included) become spaces, so text taken from
    /// input or evidence can never start a line of its own and forge part of a notice.
    /// </summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsControl(character) || character is '\u2028' or '\u2029' ? ' ' : character);
        }

        return builder.ToString();
    }

    /// <summary>A duration for people: <c>0.8 s</c>, <c>75 s</c>.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>An instant for people: <c>2026-11-26T00:00:01Z</c>.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
