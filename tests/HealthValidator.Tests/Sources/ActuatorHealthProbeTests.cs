using System.Net;
using System.Text;
using DrLambdas.Functions.Testing;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.HealthValidator.Tests.Sources;

public sealed class ActuatorHealthProbeTests : IDisposable
{
    private static readonly RegionSite Taiwan = TestConfiguration.Default.Topology.Primary;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHandler _handler = new();
    private readonly HttpClient _client;

    public ActuatorHealthProbeTests() => _client = new HttpClient(_handler);

    public void Dispose()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    [Fact]
    public async Task ProbeAsync_UpOnFirstAttempt_IsHealthy()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"UP"}""");

        var signal = await Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(Verdict.Healthy, signal.Verdict);
        Assert.Equal("HTTP 200, status UP on attempt 1 of 3", signal.Detail);
        Assert.Equal((SignalKind.Probe, "ap-east-2", "ap-northeast-1"), (signal.Kind, signal.Region, signal.Observer));
        Assert.Equal(Taiwan.HealthUrl, Assert.Single(_handler.Requests));
    }

    [Fact]
    public async Task ProbeAsync_DownOnEveryAttempt_IsUnhealthy()
    {
        _handler.Answer(HttpStatusCode.ServiceUnavailable, """{"status":"DOWN"}""", times: 3);

        var signal = await Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(Verdict.Unhealthy, signal.Verdict);
        Assert.Equal("3 of 3 attempts failed; last: HTTP 503, status DOWN", signal.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ConnectionFailureThenUp_IsHealthyOnTheSecondAttempt()
    {
        _handler.Fail(new HttpRequestException("Connection refused"));
        _handler.Answer(HttpStatusCode.OK, """{"status":"UP"}""");

        var signal = await Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(Verdict.Healthy, signal.Verdict);
        Assert.EndsWith("on attempt 2 of 3", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_SuccessStatusCodeButStatusDown_IsUnhealthy()
    {
        _handler.Answer(HttpStatusCode.OK, """{"status":"OUT_OF_SERVICE"}""", times: 3);

        var signal = await Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(Verdict.Unhealthy, signal.Verdict);
        Assert.Contains("status OUT_OF_SERVICE", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_SuccessWithoutActuatorBody_IsHealthy()
    {
        _handler.Answer(HttpStatusCode.NoContent, string.Empty);

        var signal = await Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);

        Assert.Equal(Verdict.Healthy, signal.Verdict);
        Assert.StartsWith("HTTP 204 on attempt 1", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_AttemptsThatNeverAnswer_FailEachAfterTheAttemptTimeout()
    {
        _handler.Hang(times: 3);

        var probing = Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(4), CancellationToken.None);
        await _handler.WaitForRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(2));
        await _handler.WaitForRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(2));
        var signal = await probing;

        Assert.Equal(Verdict.Unhealthy, signal.Verdict);
        Assert.Equal("2 of 3 attempts failed; last: no response within 2000 ms", signal.Detail);
    }

    [Fact]
    public async Task ProbeAsync_BudgetEndsBeforeAnyAttemptCompletes_IsUnknown()
    {
        _handler.Hang(times: 1);

        var probing = Probe().ProbeAsync(Taiwan, TimeSpan.FromSeconds(1), CancellationToken.None);
        await _handler.WaitForRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var signal = await probing;

        Assert.Equal(Verdict.Unknown, signal.Verdict);
        Assert.Equal("no probe attempt completed within 1000 ms", signal.Detail);
    }

    private ActuatorHealthProbe Probe() => new(
        _client, new ProbeSettings(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)), "ap-northeast-1", _time, TimeSpan.Zero);

    /// <summary>Answers requests from a script, in order.</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
        private readonly SemaphoreSlim _requested = new(0);

        public List<Uri> Requests { get; } = [];

        public void Answer(HttpStatusCode status, string body, int times = 1)
        {
            for (var i = 0; i < times; i++)
            {
                _script.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
            }
        }

        public void Fail(Exception error) => _script.Enqueue(_ => Task.FromException<HttpResponseMessage>(error));

        public void Hang(int times)
        {
            for (var i = 0; i < times; i++)
            {
                _script.Enqueue(async cancellationToken =>
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    throw new InvalidOperationException("unreachable");
                });
            }
        }

        public async Task WaitForRequestAsync() => Assert.True(await _requested.WaitAsync(TimeSpan.FromSeconds(10)), "the probe sent no request");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            var answer = _script.Dequeue()(cancellationToken);
            _requested.Release();
            return answer;
        }

        protected override void Dispose(bool disposing)
        {
            _requested.Dispose();
            base.Dispose(disposing);
        }
    }
}
