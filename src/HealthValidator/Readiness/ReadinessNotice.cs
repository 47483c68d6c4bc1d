using System.Globalization;
using System.Text;
using DrLambdas.HealthValidator.Reports;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>The SNS notice sent when the set of findings changes: what is new, what was fixed, and every finding with its fix.</summary>
internal static class ReadinessNotice
{
    public static Notice Compose(
        IReadOnlyList<ReadinessFinding> findings, IReadOnlyList<string>? previous, DateTimeOffset checkedAt)
    {
        var critical = findings.Count(finding => finding.Severity == ReadinessSeverity.Critical);
        var headline = findings.Count == 0
            ? "ready, no findings"
            : string.Create(CultureInfo.InvariantCulture, $"{findings.Count} finding(s), {critical} critical");
        var subject = SnsText.Subject($"DrLambdas readiness: {headline}");

        var before = previous?.ToHashSet(StringComparer.Ordinal) ?? [];
        var now = findings.Select(finding => finding.Key).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Readiness checked at {checkedAt:O}: {headline}.");
        var fixedKeys = before.Where(key => !now.Contains(key)).Order(StringComparer.Ordinal).ToList();
        if (fixedKeys.Count > 0)
        {
            text.AppendLine("No longer found: " + SnsText.Line(string.Join(", ", fixedKeys)));
        }

        var number = 1;
        foreach (var finding in findings)
        {
            text.AppendLine();
            var isNew = previous is not null && !before.Contains(finding.Key) ? " (new)" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{number++}. {finding.Severity.ToString().ToUpperInvariant()} [{finding.Code}] {SnsText.Line(finding.Subject)}{isNew}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   What: {SnsText.Line(finding.Problem)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   Evidence: {SnsText.Line(finding.Evidence)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   Fix: {SnsText.Line(finding.Fix)}");
        }

        return new Notice(subject, text.ToString());
    }
}
