using System.Text.Json.Nodes;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// An execution document holding every section the two state machines build, each function-output section
/// written by the contract code itself (so a renamed member breaks the paths the machines read).
/// </summary>
internal static class StateMachineDocument
{
    /// <summary>The loops' first pass: promotion and DNS sections hold the <c>start</c> / <c>apply</c> outputs.</summary>
    public const string AfterFirstCall = "after start/apply";

    /// <summary>Later passes: promotion and DNS sections hold the <c>status</c> outputs.</summary>
    public const string WhilePolling = "while polling";

    public static JsonObject Build(string stage)
    {
        var promotion = stage == AfterFirstCall ? ContractJson.Write(ContractSamples.PromotionStart()) : ContractJson.Write(ContractSamples.PromotionStatus());
        var dns = stage == AfterFirstCall ? ContractJson.Write(ContractSamples.DnsApply()) : ContractJson.Write(ContractSamples.DnsStatus());
        var recovery = ContractJson.WriteObject(ContractSamples.ReadyRecovery);
        return new JsonObject
        {
            ["trigger"] = RepositoryFiles.ReadObject("events/statemachine/alarm-state-change.json"),
            ["execution"] = new JsonObject
            {
                ["id"] = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:exec-20261126-0000",
                ["name"] = "exec-20261126-0000",
                ["startTime"] = "2026-11-26T00:00:01.234Z",
            },
            ["assessment"] = ContractJson.Write(ContractSamples.Assessment()),
            ["promotion"] = promotion,
            ["dns"] = dns,
            ["actions"] = new JsonObject { ["promotion"] = promotion.DeepClone(), ["dns"] = dns.DeepClone() },
            ["report"] = ContractJson.Write(ContractSamples.Report()),
            ["pin"] = ContractJson.Write(ContractSamples.PinJudgement()),
            ["pinError"] = new JsonObject { ["Error"] = "AwsTransientException", ["Cause"] = "{\"errorType\":\"AwsTransientException\"}" },
            ["recovery"] = recovery,
            ["approvalGate"] = new JsonObject
            {
                ["policy"] = "escalations",
                ["timeoutSeconds"] = 900,
                ["decision"] = "Escalate",
                ["reasons"] = ContractJson.Write(ContractSamples.Assessment())["decision"]!["reasons"]!.DeepClone(),
                ["approval"] = new JsonObject { ["approvedBy"] = "arn:aws:sts::111122223333:assumed-role/ops/alice", ["reason"] = "accepted", ["approvedAt"] = "2026-11-26T00:05:00Z" },
                ["intent"] = new JsonObject { ["mode"] = "failover", ["force"] = true, ["reason"] = "accepted", ["requestedBy"] = "arn:aws:sts::111122223333:assumed-role/ops/alice" },
            },
            ["step"] = new JsonObject
            {
                ["index"] = 0,
                ["plan"] = recovery["plan"]!["steps"]![0]!.DeepClone(),
                ["gate"] = ContractJson.Write(ContractSamples.Gate),
            },
        };
    }
}
