using System.Globalization;
using System.Net;

namespace DrLambdas.DrLab.Iam;

/// <summary>The set operator that prefixes a condition operator for multivalued context keys.</summary>
internal enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}

/// <summary>
/// A condition operator as written in a policy (<c>ForAllValues:StringLikeIfExists</c>…) and its evaluation as the
/// IAM documentation defines it: a missing key makes a condition false, a negated one true; <c>…IfExists</c> is true
/// when the key is missing; <c>ForAllValues</c> is true when every request value matches (and when the key is missing
/// or empty); <c>ForAnyValue</c> is true when at least one request value matches (false when missing); the policy's
/// values for one key are OR-ed, or NOR-ed for negated operators.
/// </summary>
internal sealed record ConditionOperator(string Name, SetQualifier Qualifier, string BaseName, bool IfExists)
{
    private static readonly string[] NegatedOperators =
    [
        "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals",
        "NotIpAddress", "ArnNotEquals", "ArnNotLike",
    ];

    private static readonly string[] KnownOperators =
    [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ];

    /// <summary>Whether the operator tests that values do *not* match (NOR over the policy's values).</summary>
    public bool IsNegated => NegatedOperators.Contains(BaseName, StringComparer.Ordinal);

    /// <summary>Parses an operator name; null with a reason when IAM does not know it.</summary>
    public static ConditionOperator? Parse(string name, out string? problem)
    {
        problem = null;
        var qualifier = SetQualifier.None;
        var rest = name;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            rest = name[(colon + 1)..];
            switch (name[..colon])
            {
                case "ForAllValues":
                    qualifier = SetQualifier.ForAllValues;
                    break;
                case "ForAnyValue":
                    qualifier = SetQualifier.ForAnyValue;
                    break;
                default:
                    problem = $"'{name[..colon]}' is not a set operator (ForAllValues or ForAnyValue).";
                    return null;
            }
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest.Length > "IfExists".Length;
        var baseName = ifExists ? rest[..^"IfExists".Length] : rest;
        if (!KnownOperators.Contains(baseName, StringComparer.Ordinal))
        {
            problem = $"'{name}' is not a condition operator.";
            return null;
        }

        if (string.Equals(baseName, "Null", StringComparison.Ordinal) && (ifExists || qualifier != SetQualifier.None))
        {
            problem = $"'{name}': the Null operator takes neither IfExists nor a set operator.";
            return null;
        }

        return new ConditionOperator(name, qualifier, baseName, ifExists);
    }

    /// <summary>Checks a policy value against the operator's type; null when acceptable.</summary>
    public string? ValidateValue(string value) => BaseName switch
    {
        "Null" or "Bool" when !bool.TryParse(value, out _) => $"'{value}' is not true or false.",
        _ when BaseName.StartsWith("Numeric", StringComparison.Ordinal) && ParseNumber(value) is null => $"'{value}' is not a number.",
        _ when BaseName.StartsWith("Date", StringComparison.Ordinal) && ParseDate(value) is null => $"'{value}' is not a date (ISO 8601 or epoch seconds).",
        "IpAddress" or "NotIpAddress" when !TryParseNetwork(value, out _) => $"'{value}' is not an IP address or CIDR block.",
        "BinaryEquals" when !IsBase64(value) => $"'{value}' is not base64.",
        _ => null,
    };

    /// <summary>Evaluates the condition for the request's values of its key (null or empty = the key is absent).</summary>
    public bool Evaluate(IReadOnlyList<string> policyValues, IReadOnlyList<string>? requestValues)
    {
        var present = requestValues is { Count: > 0 };
        if (string.Equals(BaseName, "Null", StringComparison.Ordinal))
        {
            return policyValues.Any(v => bool.Parse(v) != present);
        }

        if (!present)
        {
            return IfExists || Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => IsNegated,
            };
        }

        return Qualifier switch
        {
            SetQualifier.ForAllValues => requestValues!.All(v => Holds(policyValues, v)),
            SetQualifier.ForAnyValue => requestValues!.Any(v => Holds(policyValues, v)),
            // Without a set operator a negated condition holds only when no request value matches.
            _ => IsNegated ? requestValues!.All(v => Holds(policyValues, v)) : requestValues!.Any(v => Holds(policyValues, v)),
        };
    }

    /// <summary>The operator for one request value: any policy value matches, or (negated) none does.</summary>
    private bool Holds(IReadOnlyList<string> policyValues, string requestValue)
    {
        var positive = PositiveName(BaseName);
        var any = policyValues.Any(p => Matches(positive, p, requestValue));
        return IsNegated ? !any : any;
    }

    private static string PositiveName(string baseName) => baseName switch
    {
        "StringNotEquals" => "StringEquals",
        "StringNotEqualsIgnoreCase" => "StringEqualsIgnoreCase",
        "StringNotLike" => "StringLike",
        "NumericNotEquals" => "NumericEquals",
        "DateNotEquals" => "DateEquals",
        "NotIpAddress" => "IpAddress",
        "ArnNotEquals" => "ArnEquals",
        "ArnNotLike" => "ArnLike",
        _ => baseName,
    };

    private static bool Matches(string positive, string policy, string request) => positive switch
    {
        "StringEquals" => string.Equals(policy, request, StringComparison.Ordinal),
        "StringEqualsIgnoreCase" => string.Equals(policy, request, StringComparison.OrdinalIgnoreCase),
        "StringLike" => Wildcard.Matches(policy, request),
        "Bool" => string.Equals(policy, request, StringComparison.OrdinalIgnoreCase),
        "BinaryEquals" => string.Equals(policy, request, StringComparison.Ordinal),
        "ArnEquals" or "ArnLike" => Wildcard.ArnMatches(policy, request),
        "IpAddress" => TryParseNetwork(policy, out var network) && IPAddress.TryParse(request, out var address) && network.Contains(address),
        _ when positive.StartsWith("Numeric", StringComparison.Ordinal) =>
            ParseNumber(request) is { } r && Compare(positive["Numeric".Length..], r.CompareTo(ParseNumber(policy)!.Value)),
        _ when positive.StartsWith("Date", StringComparison.Ordinal) =>
            ParseDate(request) is { } d && Compare(positive["Date".Length..], d.CompareTo(ParseDate(policy)!.Value)),
        _ => false,
    };

    private static bool Compare(string relation, int comparison) => relation switch
    {
        "Equals" => comparison == 0,
        "LessThan" => comparison < 0,
        "LessThanEquals" => comparison <= 0,
        "GreaterThan" => comparison > 0,
        "GreaterThanEquals" => comparison >= 0,
        _ => false,
    };

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
