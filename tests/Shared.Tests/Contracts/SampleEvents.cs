using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>The function input samples under <c>events/</c> and the request type each one is read as.</summary>
internal static class SampleEvents
{
    public const string AssessAlarm = "events/HealthValidator/assess-alarm.json";
    public const string AssessManual = "events/HealthValidator/assess-manual.json";
    public const string Verify = "events/HealthValidator/verify.json";
    public const string Recovery = "events/HealthValidator/recovery.json";
    public const string Gate = "events/HealthValidator/gate.json";
    public const string StartFailover = "events/AuroraPromoter/start-failover.json";
    public const string StartSwitchover = "events/AuroraPromoter/start-switchover.json";
    public const string PromotionStatus = "events/AuroraPromoter/status.json";
    public const string DnsApply = "events/DnsUpdater/apply.json";
    public const string DnsStatus = "events/DnsUpdater/status.json";

    private static readonly Dictionary<string, Func<string, object>> Readers = new(StringComparer.Ordinal)
    {
        [AssessAlarm] = ContractJson.Read<AssessRequest>,
        [AssessManual] = ContractJson.Read<AssessRequest>,
        [Verify] = ContractJson.Read<VerifyRequest>,
        [Recovery] = ContractJson.Read<RecoveryRequest>,
        [Gate] = ContractJson.Read<GateRequest>,
        [StartFailover] = ContractJson.Read<PromotionStartRequest>,
        [StartSwitchover] = ContractJson.Read<PromotionStartRequest>,
        [PromotionStatus] = ContractJson.Read<PromotionStatusRequest>,
        [DnsApply] = ContractJson.Read<DnsApplyRequest>,
        [DnsStatus] = ContractJson.Read<DnsStatusRequest>,
    };

    public static IEnumerable<string> All => Readers.Keys;

    public static JsonObject Load(string sample) => RepositoryFiles.ReadObject(sample);

    /// <summary>The sample's JSON after <paramref name="change"/>.</summary>
    public static string With(string sample, Action<JsonObject> change)
    {
        var document = Load(sample);
        change(document);
        return document.ToJsonString();
    }

    /// <summary>The string at <paramref name="path"/> (dotted member names) of a sample document.</summary>
    public static string Text(JsonNode document, string path) => At(document, path).GetValue<string>();

    /// <summary>The ISO-8601 instant at <paramref name="path"/>, parsed independently of the contract's converter.</summary>
    public static DateTimeOffset Instant(JsonNode document, string path) =>
        DateTimeOffset.Parse(Text(document, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The strings of the array at <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Texts(JsonNode document, string path) =>
        At(document, path).AsArray().Select(item => item!.GetValue<string>()).ToList();

    /// <summary>The node at <paramref name="path"/>; fails when the sample has no such member.</summary>
    public static JsonNode At(JsonNode document, string path) =>
        path.Split('.').Aggregate(document, (node, name) => node[name] ?? throw new InvalidOperationException($"'{path}' is not in the sample"));

    /// <summary>Reads <paramref name="json"/> as the request type of <paramref name="sample"/>.</summary>
    public static object ReadAs(string sample, string json) => Readers[sample](json);
}
