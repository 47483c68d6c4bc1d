using System.Globalization;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// Each Region's weighted record exists and is gated by its health check (<c>HealthCheckId</c>), and the check exists
/// and is healthy (<c>GetHealthCheckStatus</c>, judged as Route 53 judges it).
/// </summary>
internal sealed class DnsReadiness(IRoute53Client route53, DrConfiguration configuration, SourceRunner runner)
{
    private const string NoSuchHealthCheck = "NoSuchHealthCheck";

    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var dns = configuration.Dns;
        var records = runner.RunAsync(
            ct => route53.ListRecordSetsAsync(dns.HostedZoneId, dns.RecordName, dns.RecordType, ct), timeout, cancellationToken);
        var checks = configuration.Topology.Sites
            .Select(site => CheckHealthAsync(site, timeout, cancellationToken))
            .ToList();
        var findings = new List<ReadinessFinding>();
        foreach (var check in checks)
        {
            findings.AddRange(await check);
        }

        var recordResult = await records;
        if (!recordResult.Succeeded)
        {
            findings.Add(Unreadable.Finding(recordResult, $"hosted zone {dns.HostedZoneId}", "route53:ListResourceRecordSets"));
            return findings;
        }

        foreach (var site in configuration.Topology.Sites)
        {
            findings.AddRange(CheckRecord(site, recordResult.Value!.WithSetIdentifier(site.SetIdentifier)));
        }

        return findings;
    }

    private IEnumerable<ReadinessFinding> CheckRecord(RegionSite site, ResourceRecordSet? record)
    {
        var name = $"{configuration.Dns.RecordName} {configuration.Dns.RecordType} '{site.SetIdentifier}'";
        if (record is null)
        {
            yield return new ReadinessFinding(
                ReadinessCodes.RecordMissing, ReadinessSeverity.Critical, site.Region,
                $"The weighted record of {site.Region} does not exist: traffic cannot be moved to or from it.",
                $"no record {name} in hosted zone {configuration.Dns.HostedZoneId}",
                $"Create the weighted record {name} with weight {site.NormalWeight} and HealthCheckId {site.HealthCheckId ?? "(its health check)"}.");
            yield break;
        }

        if (site.HealthCheckId is { } expected && !string.Equals(record.HealthCheckId, expected, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ReadinessFinding(
                ReadinessCodes.HealthCheckNotAssociated, ReadinessSeverity.Critical, site.Region,
                $"The weighted record of {site.Region} is not gated by its health check: Route 53 keeps sending it traffic when the Region fails.",
                $"record {name} has HealthCheckId {record.HealthCheckId ?? "(none)"}, configured {expected}",
                $"Associate the record with health check {expected}: run the DnsUpdater 'associate' operation, or UPSERT the record with HealthCheckId {expected}.");
        }
    }

    private async Task<IReadOnlyList<ReadinessFinding>> CheckHealthAsync(RegionSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (site.HealthCheckId is not { } id)
        {
            var variable = site.Role == Shared.Domain.RegionRole.Primary ? EnvironmentVariables.PrimaryHealthCheckId : EnvironmentVariables.SecondaryHealthCheckId;
            return
            [
                new ReadinessFinding(
                    ReadinessCodes.HealthCheckNotConfigured, ReadinessSeverity.Critical, site.Region,
                    $"{site.Region} has no Route 53 health check: DNS cannot drop it by itself and one failure signal is missing.",
                    $"{variable} is not set",
                    $"Create a health check of {site.HealthUrl} (template parameter HealthChecks=create) or set {variable}."),
            ];
        }

        var result = await runner.RunAsync(ct => route53.GetHealthCheckStatusAsync(id, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error is AwsServiceException { ErrorCode: NoSuchHealthCheck }
                ?
                [
                    new ReadinessFinding(
                        ReadinessCodes.HealthCheckMissing, ReadinessSeverity.Critical, site.Region,
                        $"The health check of {site.Region} does not exist: its record is not gated and its alarm has no data.",
                        $"GetHealthCheckStatus {id}: {result.Failure}",
                        $"Recreate the health check of {site.HealthUrl} (redeploy with HealthChecks=create, or create one and set its id), then associate it with the record."),
                ]
                : [Unreadable.Finding(result, $"health check {id}", "route53:GetHealthCheckStatus")];
        }

        var observations = result.Value!;
        var healthy = observations.Count(observation => observation.IsHealthy);
        if (observations.Count > 0 && healthy > Route53HealthReader.HealthyFraction * observations.Count)
        {
            return [];
        }

        return
        [
            new ReadinessFinding(
                ReadinessCodes.HealthCheckUnhealthy, ReadinessSeverity.Critical, site.Region,
                $"Route 53's checkers see {site.Region} unhealthy: a failover now would go {(site.Role == Shared.Domain.RegionRole.Secondary ? "to a Region that is not serving" : "ahead on its own")}.",
                string.Create(CultureInfo.InvariantCulture, $"health check {id}: {healthy} of {observations.Count} checkers healthy")
                    + (observations.FirstOrDefault(observation => !observation.IsHealthy)?.Status is { Length: > 0 } status ? $"; {status}" : string.Empty),
                $"Find why {site.HealthUrl} fails from the Internet (application, load balancer, security group, the check's path and port)."),
        ];
    }
}
