using System.Globalization;

namespace DrLambdas.DrLab.Protocol;

/// <summary>Reads awsQuery's flattened parameters: lists as Name.member.N, maps as Name.entry.N.Name/Value.</summary>
internal static class QueryParameters
{
    /// <summary>Parses application/x-www-form-urlencoded text ('+' is a space).</summary>
    public static Dictionary<string, string> ParseForm(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            result[name] = value;
        }

        return result;
    }

    /// <summary>Values of Prefix.1, Prefix.2, … in order, stopping at the first gap.</summary>
    public static IReadOnlyList<string> List(IReadOnlyDictionary<string, string> parameters, string prefix)
    {
        var values = new List<string>();
        for (var i = 1; parameters.TryGetValue(Key(prefix, i), out var value); i++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>The structures under Prefix.1., Prefix.2., … as sub-dictionaries keyed by the rest of the name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Structures(IReadOnlyDictionary<string, string> parameters, string prefix)
    {
        var result = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; ; i++)
        {
            var head = Key(prefix, i) + ".";
            var members = parameters
                .Where(p => p.Key.StartsWith(head, StringComparison.Ordinal))
                .ToDictionary(p => p.Key[head.Length..], p => p.Value, StringComparer.Ordinal);
            if (members.Count == 0)
            {
                return result;
            }

            result.Add(members);
        }
    }

    /// <summary>A boolean parameter ("true"/"false", any case), null when absent; throws on anything else.</summary>
    public static bool? Bool(IReadOnlyDictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var text))
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new World.LabError("InvalidParameterValue", $"Value '{text}' for parameter {name} is not a boolean.");
    }

    /// <summary>An integer parameter, null when absent; throws on anything else.</summary>
    public static int? Int(IReadOnlyDictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new World.LabError("InvalidParameterValue", $"Value '{text}' for parameter {name} is not an integer.");
    }

    private static string Key(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}.{index}");

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
