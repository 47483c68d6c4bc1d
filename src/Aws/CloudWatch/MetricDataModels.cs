namespace DrLambdas.Aws.CloudWatch;

/// <summary>Input of <c>GetMetricData</c>.</summary>
/// <param name="Queries">1-500 queries, each with a unique <see cref="MetricDataQuery.Id"/>.</param>
/// <param name="StartTime">Start of the range (inclusive).</param>
/// <param name="EndTime">End of the range (exclusive).</param>
/// <param name="NewestFirst">Order of data points: newest first (the service default) or oldest first.</param>
public sealed record GetMetricDataRequest(
    IReadOnlyList<MetricDataQuery> Queries,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    bool NewestFirst = true);

/// <summary>One query: either a metric statistic or a math expression over other queries.</summary>
/// <param name="Id">Query id: starts with a lower-case letter; letters, digits and underscores.</param>
/// <param name="MetricStat">The metric and statistic to read; null for an expression.</param>
/// <param name="Expression">A metric math expression; null for a metric statistic.</param>
/// <param name="Label">Label of the result.</param>
/// <param name="ReturnData">False to use the query only as input of an expression.</param>
public sealed record MetricDataQuery(
    string Id,
    MetricStat? MetricStat = null,
    string? Expression = null,
    string? Label = null,
    bool? ReturnData = null)
{
    /// <summary>A query for one statistic of one metric.</summary>
    public static MetricDataQuery ForMetric(string id, Metric metric, int periodSeconds, string stat, string? unit = null) =>
        new(id, new MetricStat(metric, periodSeconds, stat, unit));
}

/// <summary>A metric and the statistic to compute over each period.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="PeriodSeconds">Period: 1, 5, 10, 20, 30 or a multiple of 60 seconds.</param>
/// <param name="Stat">Statistic, e.g. <c>Maximum</c>, <c>Average</c>, <c>p99</c>.</param>
/// <param name="Unit">Optional unit filter, e.g. <c>Milliseconds</c>.</param>
public sealed record MetricStat(Metric Metric, int PeriodSeconds, string Stat, string? Unit = null);

/// <summary>A CloudWatch metric.</summary>
/// <param name="Namespace">E.g. <c>AWS/RDS</c>.</param>
/// <param name="MetricName">E.g. <c>AuroraGlobalDBRPOLag</c>.</param>
/// <param name="Dimensions">E.g. <c>DBClusterIdentifier</c>.</param>
public sealed record Metric(string Namespace, string MetricName, IReadOnlyList<MetricDimension>? Dimensions = null)
{
    /// <summary>The dimensions; empty when none.</summary>
    public IReadOnlyList<MetricDimension> Dimensions { get; init; } = Dimensions ?? [];
}

/// <summary>A metric dimension.</summary>
/// <param name="Name">Dimension name.</param>
/// <param name="Value">Dimension value.</param>
public sealed record MetricDimension(string Name, string Value);

/// <summary>The data of one query.</summary>
/// <param name="Id">The query id.</param>
/// <param name="Label">The result label.</param>
/// <param name="Points">Data points in the requested order.</param>
/// <param name="StatusCode"><c>Complete</c>, <c>PartialData</c>, <c>InternalError</c> or <c>Forbidden</c>.</param>
public sealed record MetricDataResult(string Id, string? Label, IReadOnlyList<MetricDataPoint> Points, string? StatusCode);

/// <summary>One data point.</summary>
/// <param name="Timestamp">Start of the period.</param>
/// <param name="Value">The statistic's value.</param>
public sealed record MetricDataPoint(DateTimeOffset Timestamp, double Value);
