using DrLambdas.Aws.Route53;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>The current weights of the managed weighted records, primary first.</summary>
internal sealed class WeightReader(IRoute53Client route53, DrConfiguration configuration, SourceRunner runner)
{
    public Task<SourceResult<IReadOnlyList<RecordWeight>>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        runner.RunAsync(ReadWeightsAsync, timeout, cancellationToken);

    /// <summary>The weights as they are; a managed record that does not exist receives no traffic (weight 0).</summary>
    public async Task<IReadOnlyList<RecordWeight>> ReadWeightsAsync(CancellationToken cancellationToken)
    {
        var dns = configuration.Dns;
        var sets = await route53.ListRecordSetsAsync(dns.HostedZoneId, dns.RecordName, dns.RecordType, cancellationToken);
        return configuration.Topology.Sites.Select(site =>
            new RecordWeight(site.SetIdentifier, site.Region, (int)(sets.WithSetIdentifier(site.SetIdentifier)?.Weight ?? 0))).ToList();
    }
}
