using System.Globalization;
using System.Net;
using System.Text.Json;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Spring Boot <c>/actuator/health</c> probes over HTTP: UP is a 2xx answer whose <c>status</c> (when present) is
/// <c>UP</c>. Each attempt has its own timeout; attempts stop at the first UP or when the budget runs out.
/// </summary>
internal sealed class ActuatorHealthProbe(
    HttpClient httpClient,
    ProbeSettings settings,
    string observer,
    TimeProvider timeProvider,
    TimeSpan attemptSpacing) : IHealthProbe
{
    /// <summary>Pause between attempts, so one connection blip does not use up every attempt.</summary>
    public static readonly TimeSpan DefaultAttemptSpacing = TimeSpan.FromMilliseconds(200);

    private const int MaxBodyCharacters = 4096;

    public async Task<HealthSignal> ProbeAsync(RegionSite site, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var deadline = timeProvider.GetUtcNow() + budget;
        var failures = new List<string>();
        for (var attempt = 1; attempt <= settings.Attempts; attempt++)
        {
            var left = deadline - timeProvider.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            var timeout = left < settings.AttemptTimeout ? left : settings.AttemptTimeout;
            var result = await AttemptAsync(site.HealthUrl, timeout, left < settings.AttemptTimeout, cancellationToken);
            if (result is null)
            {
                break;
            }

            if (result.Up)
            {
                return Signal(site, Verdict.Healthy, Invariant($"{result.Detail} on attempt {attempt} of {settings.Attempts}"));
            }

            failures.Add(result.Detail);
            if (attempt < settings.Attempts && deadline - timeProvider.GetUtcNow() > attemptSpacing)
            {
                await Task.Delay(attemptSpacing, timeProvider, cancellationToken);
            }
        }

        return failures.Count == 0
            ? Signal(site, Verdict.Unknown, Invariant($"no probe attempt completed within {budget.TotalMilliseconds:0} ms"))
            : Signal(site, Verdict.Unhealthy, Invariant($"{failures.Count} of {settings.Attempts} attempts failed; last: {failures[^1]}"));
    }

    /// <summary>One GET; null when the attempt was cut short by the budget rather than by its own timeout.</summary>
    private async Task<ProbeAttempt?> AttemptAsync(Uri url, TimeSpan timeout, bool limitedByBudget, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var response = await httpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return Interpret(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return limitedByBudget ? null : new ProbeAttempt(false, Invariant($"no response within {timeout.TotalMilliseconds:0} ms"));
        }
        catch (HttpRequestException exception)
        {
            return new ProbeAttempt(false, $"connection failed: {exception.Message}");
        }
    }

    private static ProbeAttempt Interpret(HttpStatusCode statusCode, string body)
    {
        var code = (int)statusCode;
        var status = ReadStatus(body);
        var detail = status is null ? Invariant($"HTTP {code}") : Invariant($"HTTP {code}, status {status}");
        var up = code is >= 200 and < 300 && (status is null || string.Equals(status, "UP", StringComparison.OrdinalIgnoreCase));
        return new ProbeAttempt(up, detail);
    }

    /// <summary>The actuator's <c>status</c> field, or null when the body is not an actuator document.</summary>
    private static string? ReadStatus(string body)
    {
        if (body.Length == 0 || body.Length > MaxBodyCharacters)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                    ? status.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HealthSignal Signal(RegionSite site, Verdict verdict, string detail) =>
        new(SignalKind.Probe, site.Region, observer, verdict, detail, timeProvider.GetUtcNow());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
