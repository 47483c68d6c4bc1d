using System.Security.Cryptography;
using System.Text;
using DrLambdas.Aws.Sns;
using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Readiness;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>readiness</c> (scheduled): checks the live world against the configuration, all checks in parallel, each within
/// its source timeout, and returns the findings, critical first. Emits <c>ReadinessFindings</c> every run and posts a
/// notice to the alert topic only when the set of findings (codes and subjects) differs from the last run's.
/// </summary>
internal sealed class ReadinessOperation(
    DrConfiguration configuration,
    ReadinessChecks checks,
    ReadinessMemory memory,
    ISnsClient sns,
    TimeProvider timeProvider)
{
    /// <summary>The EMF metric: the number of findings of this run (namespace DrLambdas, dimension FunctionName).</summary>
    public const string FindingsMetric = "ReadinessFindings";

    // A Standard SSM parameter holds 4 KB; a longer set of keys is remembered by its digest.
    private const int MaxKeptKeysLength = 3500;

    public async Task<ReadinessResponse> HandleAsync(ReadinessRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var now = timeProvider.GetUtcNow();
        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);
        var notes = new List<string>();
        var previousTask = memory.RecallAsync(notes, cancellationToken);
        var findings = Order(await checks.RunAsync(now, timeout, cancellationToken));
        var previous = await previousTask;

        invocation.WriteMetric(FindingsMetric, findings.Count, MetricUnit.Count);
        var identity = Identity(findings);
        var changed = previous is null || !previous.SequenceEqual(identity, StringComparer.Ordinal);
        var notified = changed && await NotifyAsync(findings, previous, now, notes, cancellationToken);
        if (!changed || notified)
        {
            // A notice that failed is not remembered as sent: the next run tries again.
            await memory.RememberAsync(new ReadinessState(now, identity), notes, cancellationToken);
        }

        var ready = findings.All(finding => finding.Severity != ReadinessSeverity.Critical);
        invocation.Logger.Info(
            $"Readiness: {findings.Count} finding(s){(changed ? ", changed" : string.Empty)}",
            new LogField("ready", ready),
            new LogField("codes", string.Join(",", findings.Select(finding => finding.Key))));
        return new ReadinessResponse(now, ready, findings, changed, notified, notes);
    }

    private async Task<bool> NotifyAsync(
        IReadOnlyList<ReadinessFinding> findings, IReadOnlyList<string>? previous, DateTimeOffset now, List<string> notes, CancellationToken cancellationToken)
    {
        if (configuration.Readiness.AlertTopicArn is not { } topic)
        {
            notes.Add($"no notice: {EnvironmentVariables.AlertTopicArn} is not set");
            return false;
        }

        var notice = ReadinessNotice.Compose(findings, previous, now);
        try
        {
            await sns.PublishAsync(new SnsPublishRequest(topic, notice.Message, notice.Subject), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"notice to {topic} failed ({exception.GetType().Name}: {exception.Message}): the next run tries again");
            return false;
        }
    }

    private static List<ReadinessFinding> Order(IEnumerable<ReadinessFinding> findings) =>
        findings.OrderBy(finding => finding.Severity)
            .ThenBy(finding => finding.Code, StringComparer.Ordinal)
            .ThenBy(finding => finding.Subject, StringComparer.Ordinal)
            .ToList();

    /// <summary>The sorted finding keys, or their SHA-256 digest when they would not fit the parameter.</summary>
    internal static IReadOnlyList<string> Identity(IEnumerable<ReadinessFinding> findings)
    {
        var keys = findings.Select(finding => finding.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Sum(key => key.Length + 3) <= MaxKeptKeysLength)
        {
            return keys;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys)));
        return ["sha256:" + Convert.ToHexStringLower(digest)];
    }
}
