namespace DrLambdas.Shared.Domain;

/// <summary>One observation of a Region's health.</summary>
/// <param name="Kind">Which kind of evidence this is.</param>
/// <param name="Region">The Region observed.</param>
/// <param name="Observer">Where the observation was made from: a Region name, or a label such as
/// <c>route53-global</c> for observers outside every managed Region.</param>
/// <param name="Verdict">What the observer saw.</param>
/// <param name="Detail">Operator-readable detail (status code, alarm reason, error).</param>
/// <param name="ObservedAt">When the observation was made.</param>
public sealed record HealthSignal(
    SignalKind Kind,
    string Region,
    string Observer,
    Verdict Verdict,
    string Detail,
    DateTimeOffset ObservedAt);
