using DrLambdas.Runtime;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Functions.Common;

/// <summary>
/// One invocation of one operation: a logger whose records carry the request, trace and incident ids, and
/// a metrics writer whose records carry the incident id as a property.
/// </summary>
public sealed class Invocation
{
    /// <summary>Creates the invocation scope of <paramref name="operation"/> for <paramref name="incidentId"/> (null when unknown).</summary>
    public Invocation(ILambdaContext lambda, string operation, string? incidentId)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        Lambda = lambda;
        Operation = operation;
        IncidentId = incidentId;
        Logger = incidentId is null
            ? lambda.Logger.WithFields(new LogField("operation", operation))
            : lambda.Logger.WithFields(new LogField("operation", operation), new LogField("incidentId", incidentId));
    }

    /// <summary>The Lambda context (deadline, request id).</summary>
    public ILambdaContext Lambda { get; }

    /// <summary>The operation being served.</summary>
    public string Operation { get; }

    /// <summary>The incident this invocation works on, when the input names one.</summary>
    public string? IncidentId { get; }

    /// <summary>The invocation's logger.</summary>
    public ILambdaLogger Logger { get; }

    /// <summary>Time left before Lambda stops the invocation.</summary>
    public TimeSpan RemainingTime => Lambda.RemainingTime;

    /// <summary>Writes one EMF metric with the given dimensions; the incident id and operation ride along as properties.</summary>
    public void WriteMetric(string name, double value, MetricUnit unit, params ReadOnlySpan<MetricDimension> dimensions)
    {
        Lambda.Metrics.Write(
            [new Metric(name, value, unit)],
            dimensions,
            [new LogField("operation", Operation), new LogField("incidentId", IncidentId)]);
    }
}
