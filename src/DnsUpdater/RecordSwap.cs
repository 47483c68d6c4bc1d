using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// Submits a DELETE-as-read + CREATE batch, Route 53's only compare-and-swap, and names its refusals: a batch that no
/// longer matches the records is a <see cref="ConflictException"/> (retry with a fresh read), a health check Route 53
/// does not know is a <see cref="ConfigurationException"/>.
/// </summary>
internal static class RecordSwap
{
    /// <summary>Route 53's error for a batch that does not apply, e.g. a DELETE that no longer matches.</summary>
    public const string InvalidChangeBatch = "InvalidChangeBatch";

    /// <summary>Route 53's error for a record naming a health check that does not exist.</summary>
    public const string NoSuchHealthCheck = "NoSuchHealthCheck";

    /// <exception cref="ConflictException">A record changed since it was read.</exception>
    /// <exception cref="ConfigurationException">A record names a health check that does not exist.</exception>
    public static async Task<ChangeInfo> SubmitAsync(
        IRoute53Client route53, DnsSettings dns, ChangeBatch batch, IReadOnlyList<ResourceRecordSet> current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(current);
        try
        {
            return await route53.ChangeResourceRecordSetsAsync(dns.HostedZoneId, batch, cancellationToken);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == InvalidChangeBatch)
        {
            var read = string.Join(", ", current.Select(record => $"{record.SetIdentifier}={record.Weight}"));
            throw new ConflictException(
                $"Records {dns.RecordName} changed since they were read ({read}); the compare-and-swap was refused: {exception.ErrorMessage}",
                exception);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == NoSuchHealthCheck)
        {
            throw new ConfigurationException(
                $"Route 53 refused the change of {dns.RecordName}: {exception.ErrorMessage} (check DR_PRIMARY_HEALTH_CHECK_ID and DR_SECONDARY_HEALTH_CHECK_ID).");
        }
    }
}
