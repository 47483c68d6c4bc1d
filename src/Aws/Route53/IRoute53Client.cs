namespace DrLambdas.Aws.Route53;

/// <summary>The Route 53 operations used to read and move weighted DNS records and to read health checkers.</summary>
public interface IRoute53Client
{
    /// <summary>Returns one page of record sets, starting at the request's name/type/identifier (lexicographic order).</summary>
    Task<ResourceRecordSetPage> ListResourceRecordSetsAsync(
        ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Submits a change batch atomically; returns the change, normally <see cref="ChangeStatus.Pending"/>.</summary>
    Task<ChangeInfo> ChangeResourceRecordSetsAsync(
        string hostedZoneId, ChangeBatch changeBatch, CancellationToken cancellationToken = default);

    /// <summary>Reads the propagation status of a change (<c>C123</c> or <c>/change/C123</c>).</summary>
    Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest observation of every Route 53 health checker (one per checker Region and IP).</summary>
    Task<IReadOnlyList<HealthCheckObservation>> GetHealthCheckStatusAsync(
        string healthCheckId, CancellationToken cancellationToken = default);
}
