using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Iam;

namespace DrLambdas.DrLab.Control;

/// <summary>A simulation request: who, what, on which resource, with which context keys.</summary>
internal sealed record SimulationRequest(string Principal, string Action, string Resource, Dictionary<string, IReadOnlyList<string>> Context);

/// <summary>Reads and validates the bodies of the IAM control endpoints, reporting every problem at once.</summary>
internal static partial class IamRequests
{
    /// <summary>The roles of a PUT /_lab/iam/roles body, or the problems that refuse it.</summary>
    public static (List<(string Arn, IReadOnlyList<NamedPolicy> Policies)> Roles, List<string> Problems) ReadRoles(JsonElement root)
    {
        var roles = new List<(string, IReadOnlyList<NamedPolicy>)>();
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("roles", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("The body must be {\"roles\":[{\"arn\":…,\"policies\":[{\"name\":…,\"document\":{…}}]}]}.");
            return (roles, problems);
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"roles[{index++}]");
            if (ReadRole(item, where, problems) is { } role)
            {
                if (roles.Any(r => string.Equals(r.Item1, role.Arn, StringComparison.Ordinal)))
                {
                    problems.Add($"{where}: the role {role.Arn} is listed twice.");
                }

                roles.Add(role);
            }
        }

        return (roles, problems);
    }

    /// <summary>A POST /_lab/iam/simulate body, or the problems that refuse it.</summary>
    public static (SimulationRequest? Request, List<string> Problems) ReadSimulation(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("The body must be {\"principal\":…,\"action\":…,\"resource\":…,\"context\":{…}}.");
            return (null, problems);
        }

        var principal = RequiredString(root, "principal", problems);
        var action = RequiredString(root, "action", problems);
        if (action is not null && !ActionName().IsMatch(action))
        {
            problems.Add($"action '{action}' must be service:Operation.");
        }

        var resource = root.TryGetProperty("resource", out var resourceElement) ? resourceElement.GetString() ?? string.Empty : "*";
        if (resource != "*" && !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"resource '{resource}' must be an ARN or \"*\".");
        }

        var context = AuthorizationRequest.NewContext();
        if (root.TryGetProperty("context", out var contextElement))
        {
            if (contextElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("context must be an object of condition keys and their values.");
            }
            else
            {
                foreach (var key in contextElement.EnumerateObject())
                {
                    var values = key.Value.ValueKind == JsonValueKind.Array ? key.Value.EnumerateArray().ToList() : [key.Value];
                    if (values.Any(v => v.ValueKind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number)))
                    {
                        problems.Add($"context.{key.Name} must be a string, a boolean, a number or an array of them.");
                        continue;
                    }

                    context[key.Name] = values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
                }
            }
        }

        return problems.Count > 0 ? (null, problems) : (new SimulationRequest(principal!, action!, resource, context), problems);
    }

    private static (string Arn, IReadOnlyList<NamedPolicy> Policies)? ReadRole(JsonElement item, string where, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} must be an object with arn and policies.");
            return null;
        }

        var before = problems.Count;
        var arn = RequiredString(item, "arn", problems, where);
        if (arn is not null && !RoleArn().IsMatch(arn))
        {
            problems.Add($"{where}.arn '{arn}' is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
        }
        else if (string.Equals(arn, IamRegistry.AdministratorRoleArn, StringComparison.Ordinal))
        {
            problems.Add($"{where}.arn: {arn} is the lab's administrative identity and cannot be redefined.");
        }

        foreach (var member in item.EnumerateObject().Where(m => m.Name is not ("arn" or "policies")))
        {
            problems.Add($"{where}: '{member.Name}' is not a role member (arn, policies).");
        }

        var policies = new List<NamedPolicy>();
        if (!item.TryGetProperty("policies", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}.policies must be an array (possibly empty).");
        }
        else
        {
            var index = 0;
            foreach (var policy in list.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{where}.policies[{index++}]");
                if (ReadPolicy(policy, at, problems) is { } named)
                {
                    if (policies.Any(p => string.Equals(p.Name, named.Name, StringComparison.Ordinal)))
                    {
                        problems.Add($"{at}.name: '{named.Name}' is used twice in the role.");
                    }

                    policies.Add(named);
                }
            }
        }

        return problems.Count > before ? null : (arn!, policies);
    }

    private static NamedPolicy? ReadPolicy(JsonElement item, string where, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} must be an object with name and document.");
            return null;
        }

        var name = RequiredString(item, "name", problems, where);
        if (!item.TryGetProperty("document", out var document))
        {
            problems.Add($"{where}.document is required.");
            return null;
        }

        try
        {
            // A document may also come as its JSON text, as CloudFormation sometimes carries it.
            var parsed = document.ValueKind == JsonValueKind.String ? PolicyParser.Parse(document.GetString()!) : PolicyParser.Parse(document);
            return name is null ? null : new NamedPolicy(name, parsed);
        }
        catch (PolicyDocumentException ex)
        {
            problems.AddRange(ex.Problems.Select(p => $"{where}.document: {p}"));
            return null;
        }
    }

    private static string? RequiredString(JsonElement item, string name, List<string> problems, string? where = null)
    {
        var label = where is null ? name : $"{where}.{name}";
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            problems.Add($"{label} is required (a non-empty string).");
            return null;
        }

        return value.GetString();
    }

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleArn();

    [GeneratedRegex("^[a-z0-9-]+:[A-Za-z0-9]+$")]
    private static partial Regex ActionName();
}
