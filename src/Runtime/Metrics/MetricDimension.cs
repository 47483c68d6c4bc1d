namespace DrLambdas.Runtime.Metrics;

/// <summary>A CloudWatch dimension of an EMF record, e.g. <c>new MetricDimension("Action", "Failover")</c>.</summary>
/// <param name="Name">Dimension name.</param>
/// <param name="Value">Dimension value.</param>
public readonly record struct MetricDimension(string Name, string Value);
