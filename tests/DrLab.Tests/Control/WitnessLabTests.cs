using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using DrLambdas.Aws;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.DrLab.Control;
using Microsoft.AspNetCore.Builder;

namespace DrLambdas.DrLab.Tests.Control;

/// <summary>
/// A lab with a witness Region: the witness's network is its own port, requests arriving there are judged from the
/// witness (a partition between the application Regions does not cut it; WitnessUnreachable cuts it from everything).
/// </summary>
public sealed class WitnessLabTests : IAsyncLifetime, IDisposable
{
    private const string Witness = "eu-west-1";
    private WebApplication? _app;
    private HttpClient _control = null!;
    private readonly List<AwsClientFactory> _factories = [];

    public async Task InitializeAsync()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--port", "0", "--profile", "fast", "--witness-region", Witness]);
        Assert.Empty(problems);
        _app = LabHost.Build(options!, TimeProvider.System);
        await _app.StartAsync();
        _control = new HttpClient { BaseAddress = new Uri(LabHost.BaseUrl(_app)) };
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => _control.Dispose();

    private async Task<JsonElement> ConfigAsync()
    {
        using var document = JsonDocument.Parse(await _control.GetStringAsync(new Uri("/_lab/config", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private async Task<Uri> WitnessUrlAsync() => new((await ConfigAsync()).GetProperty("witness").GetProperty("baseUrl").GetString()!);

    private async Task InjectAsync(string kind)
    {
        using var response = await _control.PostAsync(new Uri("/_lab/faults", UriKind.Relative),
            new StringContent($$"""{"kind":"{{kind}}"}""", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The health endpoint's status through one network, or null when the connection was aborted.</summary>
    private static async Task<int?> HealthAsync(Uri network, string region)
    {
        using var client = new HttpClient { BaseAddress = network };
        try
        {
            using var response = await client.GetAsync(new Uri($"/app/{region}/actuator/health", UriKind.Relative));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private ICloudWatchClient CloudWatch(Uri endpoint)
    {
        var factory = new AwsClientFactory(new AwsClientOptions
        {
            Region = LabFixture.Secondary,
            EndpointUrl = endpoint,
            Credentials = new BasicAWSCredentials(ReadyDocuments.AccessKeyId, ReadyDocuments.SecretAccessKey),
            MaxAttempts = 1,
        });
        _factories.Add(factory);
        return factory.CloudWatch;
    }

    private static MetricDatum Probe(string observer) => new(
        "EndpointHealthy", [new MetricDimension("Observer", observer), new MetricDimension("Target", LabFixture.Primary)], 1, TimeProvider.System.GetUtcNow(), 1);

    [Fact]
    public async Task Config_Witness_NamesItsRegionPortAndHealthUrls()
    {
        var config = await ConfigAsync();
        var witness = config.GetProperty("witness");
        var url = witness.GetProperty("baseUrl").GetString()!;

        Assert.Equal(Witness, config.GetProperty("witnessRegion").GetString());
        Assert.NotEqual(config.GetProperty("baseUrl").GetString(), url);
        Assert.Equal(url, witness.GetProperty("env").GetProperty("AWS_ENDPOINT_URL").GetString());
        Assert.Equal($"{url}/app/{LabFixture.Primary}/actuator/health", witness.GetProperty("env").GetProperty("DR_PRIMARY_HEALTH_URL").GetString());
    }

    [Fact]
    public async Task AppHealth_Partition_WitnessGetsAnAnswerTheObserverDoesNot()
    {
        await InjectAsync("Partition");

        Assert.Null(await HealthAsync(_control.BaseAddress!, LabFixture.Primary));
        Assert.Equal(200, await HealthAsync(await WitnessUrlAsync(), LabFixture.Primary));
    }

    [Fact]
    public async Task AppHealth_WitnessUnreachable_AbortedOnTheWitnessPortOnly()
    {
        await InjectAsync("WitnessUnreachable");

        Assert.Null(await HealthAsync(await WitnessUrlAsync(), LabFixture.Primary));
        Assert.Null(await HealthAsync(await WitnessUrlAsync(), LabFixture.Secondary));
        Assert.Equal(200, await HealthAsync(_control.BaseAddress!, LabFixture.Primary));
    }

    [Fact]
    public async Task PutMetricData_WitnessUnreachable_WitnessPublishesNothingTheObserverStill()
    {
        await InjectAsync("WitnessUnreachable");

        await Assert.ThrowsAsync<AwsTransientException>(() => CloudWatch(WitnessUrlAsync().Result).PutMetricDataAsync("DrLambdas/Probes", [Probe(Witness)]));
        await CloudWatch(_control.BaseAddress!).PutMetricDataAsync("DrLambdas/Probes", [Probe(LabFixture.Secondary)]);
    }
}
