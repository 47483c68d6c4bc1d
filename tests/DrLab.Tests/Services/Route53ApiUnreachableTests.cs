using System.Text;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;

namespace DrLambdas.DrLab.Tests.Services;

/// <summary>
/// The Route53ApiUnreachable fault (us-east-1 impaired): every Route 53 API request fails at the connection level,
/// while the other services and Route 53's data plane keep working; clearing the fault brings the API back.
/// </summary>
public sealed class Route53ApiUnreachableTests(RunningLab lab) : IClassFixture<RunningLab>
{
    private const string Zone = RunningLab.HostedZoneId;

    private async Task InjectAsync()
    {
        using var response = await lab.Control.PostAsync(new Uri("/_lab/faults", UriKind.Relative),
            new StringContent("""{"kind":"Route53ApiUnreachable"}""", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ListResourceRecordSets_FaultActive_FailsWithANetworkErrorAndIsLoggedUnreachable()
    {
        await lab.ResetAsync();
        await InjectAsync();

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => lab.AdminClients().Route53.ListRecordSetsAsync(Zone, "api.example.com.", "A"));

        Assert.Null(error.StatusCode);
        var logged = await lab.RequestsAsync("Unreachable");
        Assert.Contains(logged, entry => entry.GetProperty("service").GetString() == "route53");
    }

    [Fact]
    public async Task OtherServices_FaultActive_StillAnswer()
    {
        await lab.ResetAsync();
        await InjectAsync();

        var clusters = await lab.AdminClients().Rds.DescribeGlobalClustersAsync(null, "ap-northeast-1");

        Assert.NotEmpty(clusters);
    }

    [Fact]
    public async Task ListResourceRecordSets_FaultCleared_AnswersAgain()
    {
        await lab.ResetAsync();
        await InjectAsync();
        using (var cleared = await lab.Control.DeleteAsync(new Uri("/_lab/faults", UriKind.Relative)))
        {
            cleared.EnsureSuccessStatusCode();
        }

        var records = await lab.AdminClients().Route53.ListRecordSetsAsync(Zone, "api.example.com.", "A");

        Assert.Equal(2, records.Count);
    }
}
