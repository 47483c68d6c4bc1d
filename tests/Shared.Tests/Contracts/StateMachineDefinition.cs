using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>A state machine of <c>statemachine/</c>, read for the parts that touch the function contracts.</summary>
internal sealed partial class StateMachineDefinition
{
    public const string Failover = "failover.asl.json";
    public const string Failback = "failback.asl.json";

    private StateMachineDefinition(string text)
    {
        Text = text;
        // A Task's TimeoutSeconds must be an integer, so the approval timeout is substituted unquoted.
        var root = JsonNode.Parse(NumericPlaceholder().Replace(text, ": 1"))?.AsObject() ?? throw new InvalidOperationException("state machine is JSON null");
        StateByName = Flatten(root).ToDictionary(state => state.Key, state => state.Value, StringComparer.Ordinal);
    }

    public string Text { get; }

    /// <summary>Every state by name, those inside Parallel branches included.</summary>
    public IReadOnlyDictionary<string, JsonObject> StateByName { get; }

    /// <summary>The Task states that invoke a DrLambdas function: state name → function name (<c>DnsUpdater</c>).</summary>
    public IReadOnlyDictionary<string, string> FunctionTasks => StateByName
        .Select(state => (state.Key, Match: FunctionResource().Match((string?)state.Value["Resource"] ?? string.Empty)))
        .Where(state => state.Match.Success)
        .ToDictionary(state => state.Key, state => state.Match.Groups["function"].Value, StringComparer.Ordinal);

    /// <summary>Every Choice rule that compares a variable, nested And/Or/Not rules included.</summary>
    public IEnumerable<JsonObject> ChoiceRules => StateByName.Values
        .Where(state => (string?)state["Type"] == "Choice")
        .SelectMany(state => state["Choices"]!.AsArray())
        .SelectMany(rule => Rules(rule!.AsObject()));

    /// <summary>Every reference path (<c>$.a.b</c>) the definition mentions, context paths (<c>$$.</c>) excluded.</summary>
    public IEnumerable<string> ReferencePaths => ReferencePath().Matches(Text).Select(match => match.Value).Distinct(StringComparer.Ordinal);

    public static StateMachineDefinition Load(string fileName) => new(RepositoryFiles.ReadText("statemachine/" + fileName));

    private static IEnumerable<KeyValuePair<string, JsonObject>> Flatten(JsonObject machine)
    {
        foreach (var (name, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            yield return new(name, state);
            foreach (var branch in state["Branches"]?.AsArray() ?? [])
            {
                foreach (var nested in Flatten(branch!.AsObject()))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Rules(JsonObject rule)
    {
        if (rule.ContainsKey("Variable"))
        {
            yield return rule;
        }

        var nested = (rule["And"] ?? rule["Or"])?.AsArray().Select(item => item!.AsObject()) ?? [];
        if (rule["Not"] is JsonObject negated)
        {
            nested = nested.Append(negated);
        }

        foreach (var inner in nested.SelectMany(Rules))
        {
            yield return inner;
        }
    }

    [GeneratedRegex(@"^\$\{(?<function>\w+)FunctionArn\}$")]
    private static partial Regex FunctionResource();

    [GeneratedRegex(@": \$\{[A-Za-z0-9]+\}")]
    private static partial Regex NumericPlaceholder();

    [GeneratedRegex(@"(?<!\$)\$(\.\w+)+")]
    private static partial Regex ReferencePath();
}
