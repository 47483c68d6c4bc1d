using System.Globalization;

namespace DrLambdas.DrLab.World;

/// <summary>One alarm state change, as EventBridge's "CloudWatch Alarm State Change" event reports it.</summary>
internal sealed record AlarmTransition(
    string Name, string Region, string Arn, string PreviousState, string State, DateTimeOffset At, string Reason, string ReasonData);

/// <summary>
/// A metric alarm's state: INSUFFICIENT_DATA when created, then what each evaluation of its last EvaluationPeriods
/// datapoints decides (M of N breaching → ALARM; otherwise OK, or INSUFFICIENT_DATA / unchanged when every datapoint
/// is missing and TreatMissingData is missing / ignore).
/// </summary>
internal sealed class MetricAlarm(AlarmDefinition definition, DateTimeOffset createdAt)
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    public AlarmDefinition Definition { get; set; } = definition;

    public string Value { get; private set; } = InsufficientData;

    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    public string Reason { get; private set; } = "Unchecked: Initial alarm creation";

    public string ReasonData { get; private set; } = "{}";

    /// <summary>
    /// Applies one evaluation. <paramref name="datapoints"/> holds the statistic of each evaluated period, newest first
    /// (null = no visible data); returns the transition when the state changed.
    /// </summary>
    public AlarmTransition? Evaluate(DateTimeOffset instant, IReadOnlyList<(DateTimeOffset Start, double? Value)> datapoints)
    {
        var d = Definition;
        var missing = datapoints.Count(p => p.Value is null);
        var present = datapoints.Where(p => p.Value is not null).Select(p => (p.Start, Value: p.Value!.Value)).ToList();
        var breaching = present.Count(p => d.Breaches(p.Value)) + (d.TreatMissingData == "breaching" ? missing : 0);
        var counted = present.Count + (d.TreatMissingData is "breaching" or "notBreaching" ? missing : 0);
        string next;
        if (breaching >= d.DatapointsToAlarm)
        {
            next = Alarm;
        }
        else if (counted == 0)
        {
            next = d.TreatMissingData == "ignore" ? Value : InsufficientData;
        }
        else
        {
            next = Ok;
        }

        if (string.Equals(next, Value, StringComparison.Ordinal))
        {
            return null;
        }

        var previous = Value;
        Value = next;
        UpdatedAt = instant;
        Reason = ReasonFor(next, present, missing, datapoints.Count);
        ReasonData = string.Create(CultureInfo.InvariantCulture,
            $"{{\"version\":\"1.0\",\"queryDate\":\"{instant:yyyy-MM-ddTHH:mm:ss.fff}+0000\",\"statistic\":\"{d.Statistic}\",\"period\":{d.Period},\"recentDatapoints\":[{string.Join(',', present.Select(p => Number(p.Value)))}],\"threshold\":{Number(d.Threshold)}}}");
        return new AlarmTransition(d.Name, d.Region, d.Arn, previous, next, instant, Reason, ReasonData);
    }

    private string ReasonFor(string next, List<(DateTimeOffset Start, double Value)> present, int missing, int total)
    {
        var d = Definition;
        if (string.Equals(next, InsufficientData, StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Insufficient Data: {total} datapoint{(total == 1 ? " was" : "s were")} unknown.");
        }

        var breached = string.Equals(next, Alarm, StringComparison.Ordinal);
        if (present.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Threshold Crossed: no datapoints were received for {missing} period{(missing == 1 ? string.Empty : "s")} and {missing} missing datapoint{(missing == 1 ? " was" : "s were")} treated as [{(breached ? "Breaching" : "NonBreaching")}].");
        }

        var shown = present.Where(p => d.Breaches(p.Value) == breached).ToList();
        var list = string.Join(", ", shown.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Number(p.Value)} ({p.Start:dd/MM/yy HH:mm:ss})")));
        var count = total == 1
            ? $"{shown.Count} datapoint"
            : string.Create(CultureInfo.InvariantCulture, $"{shown.Count} out of the last {total} datapoints");
        return string.Create(CultureInfo.InvariantCulture,
            $"Threshold Crossed: {count} [{list}] {(shown.Count == 1 ? "was" : "were")} {d.ComparisonWords(breached)} the threshold ({Number(d.Threshold)}).");
    }

    private static string Number(double value) => value.ToString("0.0##############", CultureInfo.InvariantCulture);
}
