using System.Globalization;
using System.Text.Json;
using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using Microsoft.Extensions.Time.Testing;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests.Support;

/// <summary>Runs one <c>apply</c> or <c>associate</c> through the function's router against any Route 53 client.</summary>
internal static class ApplyRunner
{
    /// <summary>The Region of each managed set identifier of the reference configuration.</summary>
    public static string RegionOf(string setIdentifier) => setIdentifier == "tpe" ? Tpe : Nrt;

    public static async Task<DnsChangeResponse> ApplyAsync(IRoute53Client route53, IEnumerable<(string SetIdentifier, int Weight)> desired)
    {
        var time = new FakeTimeProvider(DnsWorld.T0);
        using var context = new TestLambdaContext(time);
        var weights = string.Join(",", desired.Select(weight => string.Create(CultureInfo.InvariantCulture,
            $$"""{"setIdentifier":"{{weight.SetIdentifier}}","region":"{{RegionOf(weight.SetIdentifier)}}","weight":{{weight.Weight}}}""")));
        var router = DnsUpdaterFunction.CreateRouter(TestConfiguration.Default, route53, time);
        var input = JsonDocument.Parse($$"""{"operation":"apply","incidentId":"dr-42","desiredWeights":[{{weights}}]}""").RootElement;
        var output = await router.RouteAsync(input, context, CancellationToken.None);
        return output.Deserialize(ContractsJsonContext.Default.DnsChangeResponse)!;
    }

    public static async Task<DnsAssociateResponse> AssociateAsync(IRoute53Client route53, DrConfiguration? configuration = null)
    {
        var time = new FakeTimeProvider(DnsWorld.T0);
        using var context = new TestLambdaContext(time);
        var router = DnsUpdaterFunction.CreateRouter(configuration ?? TestConfiguration.Default, route53, time);
        var input = JsonDocument.Parse("""{"operation":"associate","requestedBy":"deploy-pipeline"}""").RootElement;
        var output = await router.RouteAsync(input, context, CancellationToken.None);
        return output.Deserialize(ContractsJsonContext.Default.DnsAssociateResponse)!;
    }
}
