using System.Text.Json;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class ProbeOperationTests : IDisposable
{
    private static readonly TimeSpan LambdaTimeout = TimeSpan.FromSeconds(75);
    private readonly List<(string Namespace, IReadOnlyList<MetricDatum> Data, string? Region)> _published = [];

    public void Dispose() => World.Dispose();

    private ValidatorWorld World { get; set; } = new();

    private void RecordPublications() =>
        World.CloudWatch.Setup(client => client.PutMetricDataAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<MetricDatum>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((string ns, IReadOnlyList<MetricDatum> data, string? region, CancellationToken _) =>
            {
                lock (_published)
                {
                    _published.Add((ns, data, region));
                }
            })
            .Returns(Task.CompletedTask);

    /// <summary>Runs one scheduled invocation, moving the fake clock a second at a time until it returns.</summary>
    private async Task<ProbeResponse> RunAsync(TimeSpan? remaining = null)
    {
        var invocation = World.InvokeAsync(
            JsonSerializer.SerializeToElement(new ProbeRequest("probe"), ContractsJsonContext.Default.ProbeRequest),
            ContractsJsonContext.Default.ProbeResponse,
            remaining ?? LambdaTimeout);
        for (var second = 0; second < 120 && !invocation.IsCompleted; second++)
        {
            await Task.Yield();
            World.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return await invocation;
    }

    [Fact]
    public async Task Probe_OneMinute_PublishesBothRegionsEveryFiveSecondsWithoutGaps()
    {
        RecordPublications();

        var response = await RunAsync();

        Assert.Equal(12, response.Rounds);
        Assert.Equal(24, response.Published);
        var data = _published.SelectMany(entry => entry.Data).ToList();
        Assert.Equal(
            Enumerable.Range(0, 12).Select(round => ValidatorWorld.T0.AddSeconds(5 * round)),
            data.Select(datum => datum.Timestamp).Distinct().Order());
        Assert.All(_published, entry => Assert.Equal((ProbeMetric.Namespace, Nrt), (entry.Namespace, entry.Region)));
        Assert.All(data, datum => Assert.Equal((ProbeMetric.MetricName, 1), (datum.MetricName, datum.StorageResolution)));
    }

    [Fact]
    public async Task Probe_UnhealthyPrimary_PublishesZeroForItAndOneForTheOther()
    {
        RecordPublications();
        World.ProbeVerdicts[Tpe] = Verdict.Unhealthy;

        var response = await RunAsync();

        var data = _published.SelectMany(entry => entry.Data).ToList();
        Assert.All(data.Where(datum => Target(datum) == Tpe), datum => Assert.Equal(0, datum.Value));
        Assert.All(data.Where(datum => Target(datum) == Nrt), datum => Assert.Equal(1, datum.Value));
        Assert.Contains(new ProbeTargetSummary(Tpe, 0, 12, 0), response.Targets);
    }

    [Fact]
    public async Task Probe_UnknownVerdict_PublishesNothingForIt()
    {
        RecordPublications();
        World.ProbeVerdicts[Tpe] = Verdict.Unknown;

        var response = await RunAsync();

        Assert.DoesNotContain(_published.SelectMany(entry => entry.Data), datum => Target(datum) == Tpe);
        Assert.Equal(12, response.Published);
    }

    [Fact]
    public async Task Probe_AsTheWitness_PublishesIntoTheRecoveryRegionUnderItsOwnName()
    {
        World.Dispose();
        World = new ValidatorWorld(Load(variables =>
        {
            variables[EnvironmentVariables.AwsRegion] = "us-west-2";
            variables[EnvironmentVariables.ProbeMetricRegion] = Nrt;
        }));
        RecordPublications();

        var response = await RunAsync();

        Assert.Equal(("us-west-2", Nrt), (response.Observer, response.MetricRegion));
        Assert.All(_published, entry => Assert.Equal(Nrt, entry.Region));
        Assert.All(_published.SelectMany(entry => entry.Data), datum =>
            Assert.Contains(new MetricDimension(ProbeMetric.ObserverDimension, "us-west-2"), datum.Dimensions));
    }

    [Fact]
    public async Task Probe_PutMetricDataFails_KeepsProbingAndCountsTheLoss()
    {
        World.CloudWatch.Setup(client => client.PutMetricDataAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<MetricDatum>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.NetworkError("PutMetricData"));

        var response = await RunAsync();

        Assert.Equal((12, 0, 24), (response.Rounds, response.Published, response.PublishFailures));
    }

    [Fact]
    public async Task Probe_ShortDeadline_StopsStartingRoundsBeforeIt()
    {
        RecordPublications();

        var response = await RunAsync(TimeSpan.FromSeconds(20));

        // 20 s left, 2 s attempt budget and 2 s reserve: rounds at 0, 5, 10 and 15 s.
        Assert.Equal(4, response.Rounds);
    }

    private static string Target(MetricDatum datum) =>
        datum.Dimensions.Single(dimension => dimension.Name == ProbeMetric.TargetDimension).Value;
}
