using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>
/// A function's output checked against its contract (docs/contracts.md section 5) and the input it answered: the key
/// fields are there, enums hold one of their values, times are UTC, counts add up. Nothing here depends on the world.
/// </summary>
internal static class OutputContracts
{
    public static readonly string[] DecisionActions = ["None", "DrainSecondary", "Switchover", "Failover", "Escalate", "Abort"];

    private static readonly string[] SignalKinds = ["Probe", "Route53HealthCheck", "Alarm", "DatabaseEndpoint"];
    private static readonly string[] Verdicts = ["Healthy", "Unhealthy", "Unknown"];
    private static readonly string[] PromotionOutcomes = ["Started", "AlreadyPrimary", "InProgress"];
    private static readonly string[] PromotionStates = ["InProgress", "Completed", "Failed", "NotPromoted"];
    private static readonly string[] PropagationStates = ["PENDING", "INSYNC"];

    /// <summary>HealthValidator <c>assess</c>; <paramref name="variables"/> are the function's configuration.</summary>
    public static void Assessment(JsonNode input, JsonElement output, IReadOnlyDictionary<string, string> variables)
    {
        Assert.Equal($"dr-{input["execution"]!["name"]!.GetValue<string>()}", Text(output, "incidentId"));
        Utc(output, "assessedAt");
        Assert.Equal(input["trigger"]!["detail-type"] is null ? "Manual" : "Alarm", Text(output.GetProperty("trigger"), "kind"));

        var decision = output.GetProperty("decision");
        Assert.Contains(Text(decision, "action"), DecisionActions);
        Assert.Equal(variables["DR_GLOBAL_CLUSTER_ID"], Text(decision, "globalClusterId"));
        Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray());
        Assert.All(decision.GetProperty("reasons").EnumerateArray(), reason => Assert.NotEmpty(Text(reason, "code")));

        string[] setIdentifiers = [variables["DR_PRIMARY_SET_IDENTIFIER"], variables["DR_SECONDARY_SET_IDENTIFIER"]];
        Assert.All(output.GetProperty("desiredWeights").EnumerateArray(), weight =>
        {
            Assert.Contains(Text(weight, "setIdentifier"), setIdentifiers);
            Assert.InRange(weight.GetProperty("weight").GetInt32(), 0, 255);
        });

        var signals = output.GetProperty("signals").EnumerateArray().ToList();
        Assert.All(signals, signal =>
        {
            Assert.Contains(Text(signal, "kind"), SignalKinds);
            Assert.Contains(Text(signal, "verdict"), Verdicts);
            Utc(signal, "observedAt");
        });
        Assert.Equal(
            new[] { variables["DR_PRIMARY_REGION"], variables["DR_SECONDARY_REGION"] }.Order(StringComparer.Ordinal),
            signals.Select(signal => Text(signal, "region")).Distinct().Order(StringComparer.Ordinal));

        var budget = output.GetProperty("rtoBudget");
        Assert.True(budget.GetProperty("targetSeconds").GetInt32() > 0, $"RTO target: {budget}");
        Assert.Equal(budget.GetProperty("totalSeconds").GetInt32(), budget.GetProperty("items").EnumerateArray().Sum(item => item.GetProperty("seconds").GetInt32()));
        Subject(output.GetProperty("notice"));
        Assert.True(output.GetProperty("durationMs").GetInt64() >= 0);
    }

    /// <summary>HealthValidator <c>verify</c>.</summary>
    public static void Report(JsonNode input, JsonElement output)
    {
        var checks = output.GetProperty("checks").EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        var pinLanded = Text(output.GetProperty("pin"), "state") == "Landed";
        Assert.Equal(
            !checks.TrueForAll(check => check.GetProperty("passed").GetBoolean()) ? "Failed" : pinLanded ? "Recovered" : "Degraded",
            Text(output, "outcome"));
        Subject(output);
        Assert.NotEmpty(Text(output, "summary"));

        var timeline = output.GetProperty("timeline").EnumerateArray().Select(entry => Utc(entry, "at")).ToList();
        Assert.NotEmpty(timeline);
        Assert.Equal(timeline.Order(), timeline);

        var assessment = input["document"]!["assessment"]!;
        var rto = output.GetProperty("rto");
        Assert.Equal(assessment["rtoBudget"]!["totalSeconds"]!.GetValue<int>(), rto.GetProperty("budgetSeconds").GetInt32());
        Assert.True(rto.GetProperty("measuredSeconds").GetDouble() >= 0);
        Assert.Equal(assessment["decision"]!["allowDataLoss"]!.GetValue<bool>(), output.GetProperty("dataLoss").GetProperty("allowed").GetBoolean());
    }

    /// <summary>HealthValidator <c>recovery</c>: the check is appended to the history it was given.</summary>
    public static void Recovery(JsonNode input, JsonElement output)
    {
        var history = output.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(input["history"]!.AsArray().Count + 1, history.Count);
        Assert.Equal(Utc(output.GetProperty("check"), "at"), Utc(history[^1], "at"));

        var required = output.GetProperty("required").GetInt32();
        var streak = output.GetProperty("healthyStreak").GetInt32();
        Assert.True(required > 0, $"required: {required}");
        Assert.InRange(streak, 0, history.Count);
        var ready = output.GetProperty("ready").GetBoolean();
        Assert.Equal(ready, output.TryGetProperty("plan", out var plan) && plan.ValueKind == JsonValueKind.Object);
        Assert.True(!ready || streak >= required, $"ready with a streak of {streak} of {required}");
    }

    /// <summary>HealthValidator <c>gate</c>: an answer at all means healthy (an unhealthy Region is an error).</summary>
    public static void Gate(JsonElement output)
    {
        Assert.True(output.GetProperty("healthy").GetBoolean());
        Assert.NotEmpty(Text(output, "detail"));
    }

    /// <summary>AuroraPromoter <c>start</c>.</summary>
    public static void PromotionStart(JsonNode input, JsonElement output)
    {
        Assert.Contains(Text(output, "outcome"), PromotionOutcomes);
        Assert.Equal(input["action"]!.GetValue<string>(), Text(output, "action"));
        Assert.Equal(input["targetClusterArn"]!.GetValue<string>(), Text(output, "targetClusterArn"));
        Utc(output, "startedAt");
    }

    /// <summary>AuroraPromoter <c>status</c>.</summary>
    public static void PromotionStatus(JsonNode input, JsonElement output)
    {
        Assert.Contains(Text(output, "status"), PromotionStates);
        Assert.Equal(input["targetClusterArn"]!.GetValue<string>(), Text(output, "targetClusterArn"));
        Assert.Equal(Instant(input["startedAt"]!.GetValue<string>()), Utc(output, "startedAt"));
        Assert.True(output.GetProperty("elapsedSeconds").GetDouble() >= 0);
        Assert.True(output.GetProperty("timedOut").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.NotEmpty(Text(output, "detail"));
        var promoted = output.GetProperty("promoted");
        Assert.True(promoted.ValueKind is JsonValueKind.True or JsonValueKind.False, $"'promoted' is not a boolean in {output}");
        Assert.True(Text(output, "status") != "Completed" || promoted.GetBoolean(), $"a completed promotion whose target is not the writer: {output}");
    }

    /// <summary>DnsUpdater <c>apply</c>: one change per record whose weight changed, to the desired weight.</summary>
    public static void DnsApply(JsonNode input, JsonElement output)
    {
        var desired = input["desiredWeights"]!.AsArray()
            .ToDictionary(weight => weight!["setIdentifier"]!.GetValue<string>(), weight => weight!["weight"]!.GetValue<int>());
        var changed = output.GetProperty("changed").EnumerateArray().ToList();
        Assert.All(changed, change => Assert.Equal(desired[Text(change, "setIdentifier")], change.GetProperty("to").GetInt32()));
        Assert.Equal(desired.Count, changed.Count + output.GetProperty("unchanged").GetInt32());
        Assert.Equal(changed.Count > 0 ? 1 : 0, output.GetProperty("changeIds").GetArrayLength()); // one change batch for the pair

        var status = Text(output, "status");
        Assert.Contains(status, PropagationStates);
        Assert.True(changed.Count > 0 || status == "INSYNC", $"no change needed but {status}");
        Utc(output, "submittedAt");
    }

    /// <summary>DnsUpdater <c>status</c>: the same shape as <c>apply</c>'s without what only <c>apply</c> knows.</summary>
    public static void DnsStatus(JsonNode input, JsonElement output)
    {
        Assert.Contains(Text(output, "status"), PropagationStates);
        Assert.Equal(
            input["changeIds"]!.AsArray().Select(id => id!.GetValue<string>()),
            output.GetProperty("changeIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(Instant(input["submittedAt"]!.GetValue<string>()), Utc(output, "submittedAt"));
        Assert.True(output.GetProperty("elapsedSeconds").GetDouble() >= 0);
        Assert.False(output.TryGetProperty("changed", out _), $"status reports changes it cannot know: {output}");
    }

    private static string Text(JsonElement element, string property)
    {
        Assert.True(element.TryGetProperty(property, out var value), $"no '{property}' in {element}");
        Assert.True(value.ValueKind == JsonValueKind.String, $"'{property}' is not a string in {element}");
        return value.GetString()!;
    }

    /// <summary>An ISO-8601 UTC timestamp (<c>…Z</c>), as every output time is.</summary>
    private static DateTimeOffset Utc(JsonElement element, string property)
    {
        var text = Text(element, property);
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return Instant(text);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>An SNS subject: ASCII and under 100 characters.</summary>
    private static void Subject(JsonElement owner)
    {
        var subject = Text(owner, "subject");
        Assert.NotEmpty(subject);
        Assert.True(subject.Length < 100 && subject.All(char.IsAscii), $"not a valid SNS subject: {subject}");
    }
}
