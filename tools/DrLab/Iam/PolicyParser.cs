using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// Reads an IAM identity-based policy document (IAM JSON policy grammar): Version, Id, Statement as one object or an
/// array; per statement Sid, Effect, Action or NotAction, Resource or NotResource, Condition; element values as a
/// string or an array of strings. Every problem is reported at once as a <see cref="PolicyDocumentException"/>.
/// </summary>
internal static partial class PolicyParser
{
    private static readonly string[] Versions = ["2012-10-17", "2008-10-17"];

    public static PolicyDocument Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new PolicyDocumentException([$"The policy is not valid JSON: {ex.Message}"]);
        }
    }

    public static PolicyDocument Parse(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyDocumentException(["The policy document must be a JSON object."]);
        }

        var elements = Elements(root, "policy", problems);
        string? version = null;
        if (elements.TryGetValue("Version", out var versionElement))
        {
            version = versionElement.ValueKind == JsonValueKind.String ? versionElement.GetString() : null;
            if (version is null || !Versions.Contains(version, StringComparer.Ordinal))
            {
                problems.Add($"Version must be one of {string.Join(", ", Versions)}.");
            }
        }

        if (elements.TryGetValue("Id", out var id) && id.ValueKind != JsonValueKind.String)
        {
            problems.Add("Id must be a string.");
        }

        foreach (var name in elements.Keys.Except(["Version", "Id", "Statement"], StringComparer.Ordinal))
        {
            problems.Add($"'{name}' is not a policy element.");
        }

        var statements = new List<PolicyStatement>();
        if (!elements.TryGetValue("Statement", out var statementElement))
        {
            problems.Add("Statement is required.");
        }
        else
        {
            var items = statementElement.ValueKind switch
            {
                JsonValueKind.Object => [statementElement],
                JsonValueKind.Array => statementElement.EnumerateArray().ToList(),
                _ => null,
            };
            if (items is null || items.Count == 0)
            {
                problems.Add("Statement must be an object or a non-empty array of objects.");
            }
            else
            {
                var variables = string.Equals(version, "2012-10-17", StringComparison.Ordinal);
                for (var i = 0; i < items.Count; i++)
                {
                    if (ParseStatement(items[i], i, variables, problems) is { } statement)
                    {
                        statements.Add(statement);
                    }
                }

                foreach (var duplicate in statements.Where(s => s.Sid is not null).GroupBy(s => s.Sid, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    problems.Add($"Statement ids must be unique: '{duplicate.Key}' is used {duplicate.Count()} times.");
                }
            }
        }

        return problems.Count > 0 ? throw new PolicyDocumentException(problems) : new PolicyDocument(version, statements);
    }

    private static PolicyStatement? ParseStatement(JsonElement item, int index, bool variables, List<string> problems)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"Statement[{index}]");
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} must be an object.");
            return null;
        }

        var before = problems.Count;
        var elements = Elements(item, where, problems);
        string? sid = null;
        if (elements.TryGetValue("Sid", out var sidElement))
        {
            sid = sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : null;
            if (sid is null || !SidPattern().IsMatch(sid))
            {
                problems.Add($"{where}.Sid must be a string of ASCII letters and digits.");
            }
        }

        var effectText = elements.TryGetValue("Effect", out var effectElement) && effectElement.ValueKind == JsonValueKind.String
            ? effectElement.GetString()
            : null;
        var effect = effectText switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            _ => (PolicyEffect?)null,
        };
        if (effect is null)
        {
            problems.Add($"{where}.Effect must be Allow or Deny.");
        }

        foreach (var name in elements.Keys.Except(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"], StringComparer.Ordinal))
        {
            problems.Add(name is "Principal" or "NotPrincipal"
                ? $"{where}.{name}: an identity-based policy has no {name} element."
                : $"{where}: '{name}' is not a statement element.");
        }

        var actions = Patterns(elements, "Action", where, problems, (value, element) =>
            value == "*" || ActionPattern().IsMatch(value) ? null : $"{element} '{value}' must be '*' or service:action.");
        var resources = Patterns(elements, "Resource", where, problems, (value, element) =>
            value.StartsWith("arn:", StringComparison.Ordinal) && value.Split(':').Length >= 6 || value == "*"
                ? variables && value.Contains("${", StringComparison.Ordinal) ? $"{element} '{value}': the lab does not resolve policy variables." : null
                : $"{element} '{value}' must be in ARN format or \"*\".");
        var conditions = elements.TryGetValue("Condition", out var conditionElement)
            ? ParseConditions(conditionElement, where, variables, problems)
            : [];
        return problems.Count > before ? null : new PolicyStatement(sid, index, effect!.Value, actions!, resources!, conditions);
    }

    private static PatternList? Patterns(
        Dictionary<string, JsonElement> elements, string name, string where, List<string> problems, Func<string, string, string?> validate)
    {
        var positive = elements.TryGetValue(name, out var value);
        var negative = elements.TryGetValue("Not" + name, out var notValue);
        if (positive == negative)
        {
            problems.Add($"{where} needs exactly one of {name} and Not{name}.");
            return null;
        }

        var element = positive ? name : "Not" + name;
        var values = Strings(positive ? value : notValue, $"{where}.{element}", problems, allowScalars: false);
        if (values is null)
        {
            return null;
        }

        if (values.Count == 0)
        {
            problems.Add($"{where}.{element} must not be empty.");
        }

        foreach (var problem in values.Select(v => validate(v, $"{where}.{element}")).OfType<string>())
        {
            problems.Add(problem);
        }

        return new PatternList(values, negative);
    }

    private static List<PolicyCondition> ParseConditions(JsonElement element, string where, bool variables, List<string> problems)
    {
        var conditions = new List<PolicyCondition>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}.Condition must be an object of condition operators.");
            return conditions;
        }

        foreach (var (operatorName, block) in Elements(element, $"{where}.Condition", problems))
        {
            var at = $"{where}.Condition.{operatorName}";
            var op = ConditionOperator.Parse(operatorName, out var problem);
            if (op is null)
            {
                problems.Add($"{at}: {problem}");
                continue;
            }

            if (block.ValueKind != JsonValueKind.Object || !block.EnumerateObject().Any())
            {
                problems.Add($"{at} must be a non-empty object of condition keys.");
                continue;
            }

            foreach (var (key, valueElement) in Elements(block, at, problems))
            {
                var values = Strings(valueElement, $"{at}.{key}", problems, allowScalars: true);
                if (values is null)
                {
                    continue;
                }

                if (values.Count == 0)
                {
                    problems.Add($"{at}.{key} must have at least one value.");
                }

                foreach (var value in values)
                {
                    if (op.ValidateValue(value) is { } invalid)
                    {
                        problems.Add($"{at}.{key}: {invalid}");
                    }
                    else if (variables && value.Contains("${", StringComparison.Ordinal))
                    {
                        problems.Add($"{at}.{key} '{value}': the lab does not resolve policy variables.");
                    }
                }

                conditions.Add(new PolicyCondition(op, key, values));
            }
        }

        return conditions;
    }

    /// <summary>A string or an array of strings (conditions also take JSON booleans and numbers, as IAM does).</summary>
    private static List<string>? Strings(JsonElement element, string where, List<string> problems, bool allowScalars)
    {
        var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
        var values = new List<string>();
        foreach (var item in items)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    values.Add(item.GetString()!);
                    break;
                case JsonValueKind.True or JsonValueKind.False when allowScalars:
                    values.Add(item.ValueKind == JsonValueKind.True ? "true" : "false");
                    break;
                case JsonValueKind.Number when allowScalars:
                    values.Add(item.GetRawText());
                    break;
                default:
                    problems.Add($"{where} must be a string or an array of strings.");
                    return null;
            }
        }

        return values;
    }

    /// <summary>An object's members; a name given twice is a problem (IAM refuses duplicate keys).</summary>
    private static Dictionary<string, JsonElement> Elements(JsonElement element, string where, List<string> problems)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, property.Value))
            {
                problems.Add($"{where}: '{property.Name}' appears more than once.");
            }
        }

        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9]*$")]
    private static partial Regex SidPattern();

    [GeneratedRegex("^[a-z0-9-]+:[A-Za-z0-9*?_-]+$")]
    private static partial Regex ActionPattern();
}
