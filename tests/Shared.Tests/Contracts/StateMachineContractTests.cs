using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// The state machines and the contract code agree: every function Task's <c>Parameters</c>, evaluated on a
/// document of real outputs, is a request the function accepts, and every path and Choice comparison on a
/// function output finds the member and spelling the code writes.
/// </summary>
public class StateMachineContractTests
{
    /// <summary>The top-level sections of the execution documents that hold function outputs.</summary>
    private static readonly HashSet<string> OutputSections = new(StringComparer.Ordinal) { "assessment", "promotion", "dns", "report", "recovery", "actions", "step", "pin" };

    private static readonly Dictionary<(string Function, string Operation), Func<JsonObject, string>> Requests = new()
    {
        [("HealthValidator", OperationNames.Assess)] = input => ContractJson.Read<AssessRequest>(input).Operation,
        [("HealthValidator", OperationNames.Verify)] = input => ContractJson.Read<VerifyRequest>(input).Operation,
        [("HealthValidator", OperationNames.Recovery)] = input => ContractJson.Read<RecoveryRequest>(input).Operation,
        [("HealthValidator", OperationNames.Gate)] = input => ContractJson.Read<GateRequest>(input).Operation,
        [("HealthValidator", OperationNames.Pin)] = input => ContractJson.Read<PinRequest>(input).Operation,
        [("HealthValidator", OperationNames.ApprovalClose)] = input => ContractJson.Read<ApprovalCloseRequest>(input).Operation,
        [("AuroraPromoter", OperationNames.Start)] = input => ContractJson.Read<PromotionStartRequest>(input).Operation,
        [("AuroraPromoter", OperationNames.Status)] = input => ContractJson.Read<PromotionStatusRequest>(input).Operation,
        [("DnsUpdater", OperationNames.Apply)] = input => ContractJson.Read<DnsApplyRequest>(input).Operation,
        [("DnsUpdater", OperationNames.Status)] = input => ContractJson.Read<DnsStatusRequest>(input).Operation,
    };

    public static TheoryData<string> Machines => new(StateMachineDefinition.Failover, StateMachineDefinition.Failback);

    public static TheoryData<string, string, string> FunctionTasks
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var machine in new[] { StateMachineDefinition.Failover, StateMachineDefinition.Failback })
            {
                foreach (var state in StateMachineDefinition.Load(machine).FunctionTasks.Keys)
                {
                    data.Add(machine, state, StateMachineDocument.AfterFirstCall);
                    data.Add(machine, state, StateMachineDocument.WhilePolling);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FunctionTasks))]
    public void FunctionTaskParameters_EvaluatedOnTheDocument_AreAcceptedRequests(string machine, string state, string stage)
    {
        var definition = StateMachineDefinition.Load(machine);
        var input = JsonPaths.ResolveParameters(definition.StateByName[state]["Parameters"]!.AsObject(), StateMachineDocument.Build(stage));
        var operation = input["operation"]!.GetValue<string>();
        Assert.True(Requests.TryGetValue((definition.FunctionTasks[state], operation), out var read), $"{state} calls {definition.FunctionTasks[state]} '{operation}', which has no request contract");

        Assert.Equal(operation, read(input));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void ReferencePaths_IntoFunctionOutputs_ResolveInWrittenOutputs(string machine)
    {
        var paths = StateMachineDefinition.Load(machine).ReferencePaths.Where(path => OutputSections.Contains(path[2..].Split('.')[0])).ToList();
        var document = StateMachineDocument.Build(StateMachineDocument.WhilePolling);

        Assert.NotEmpty(paths);
        Assert.Empty(paths.Where(path => !JsonPaths.TryResolve(document, path, out _)).ToList());
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void StringChoices_OnFunctionOutputs_UseWrittenEnumSpellings(string machine)
    {
        var rules = StateMachineDefinition.Load(machine).ChoiceRules.Where(rule => rule.ContainsKey("StringEquals")).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var variable = rule["Variable"]!.GetValue<string>();
            Assert.Contains(rule["StringEquals"]!.GetValue<string>(), SpellingsOf(variable));
        });
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void BooleanChoices_OnFunctionOutputs_ReadJsonBooleans(string machine)
    {
        var variables = StateMachineDefinition.Load(machine).ChoiceRules
            .Where(rule => rule.ContainsKey("BooleanEquals"))
            .Select(rule => rule["Variable"]!.GetValue<string>())
            .ToList();
        var document = StateMachineDocument.Build(StateMachineDocument.WhilePolling);

        Assert.NotEmpty(variables);
        Assert.All(variables, variable =>
        {
            Assert.True(JsonPaths.TryResolve(document, variable, out var value), variable + " does not resolve");
            Assert.True(value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{variable} is {value?.ToJsonString() ?? "null"}, not a boolean");
        });
    }

    [Fact]
    public void RouteDecision_EveryDecisionAction_HasAChoice()
    {
        var routed = StateMachineDefinition.Load(StateMachineDefinition.Failover).ChoiceRules
            .Where(rule => rule["Variable"]!.GetValue<string>() == "$.assessment.decision.action" && rule.ContainsKey("StringEquals"))
            .Select(rule => rule["StringEquals"]!.GetValue<string>());

        Assert.Empty(Enum.GetValues<DecisionAction>().Select(ContractJson.EnumName).Except(routed).ToList());
    }

    /// <summary>The strings a function writes into the member a Choice compares.</summary>
    private static string[] SpellingsOf(string variable) => variable switch
    {
        _ when variable.EndsWith(".decision.action", StringComparison.Ordinal) => Spellings<DecisionAction>(),
        _ when variable == "$.approvalGate.decision" => Spellings<DecisionAction>(),
        // The template's RequireApproval AllowedValues (tests/template checks the substitution).
        _ when variable == "$.approvalGate.policy" => ["never", "escalations", "data-loss", "always"],
        _ when variable.EndsWith("promotion.status", StringComparison.Ordinal) => Spellings<PromotionState>(),
        _ when variable.EndsWith("dns.status", StringComparison.Ordinal) => Spellings<ChangePropagation>(),
        _ when variable.EndsWith("report.outcome", StringComparison.Ordinal) => Spellings<VerifyOutcome>(),
        _ when variable.EndsWith("pin.state", StringComparison.Ordinal) => Spellings<PinState>(),
        _ => throw new InvalidOperationException($"A Choice compares {variable} with a string; add the member's enum here"),
    };

    private static string[] Spellings<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(ContractJson.EnumName).ToArray();
}
