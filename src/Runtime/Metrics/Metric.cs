namespace DrLambdas.Runtime.Metrics;

/// <summary>One metric value of an EMF record, e.g. <c>new Metric("RtoSeconds", 42, MetricUnit.Seconds)</c>.</summary>
/// <param name="Name">CloudWatch metric name.</param>
/// <param name="Value">A finite value.</param>
/// <param name="Unit">CloudWatch unit.</param>
public readonly record struct Metric(string Name, double Value, MetricUnit Unit);
