using System.Globalization;

namespace DrLambdas.Shared.Configuration;

/// <summary>Reads typed values from the environment, collecting every problem instead of stopping at the first.</summary>
internal sealed class VariableReader(Func<string, string?> readVariable)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string name, string problem) => _problems.Add($"{name}: {problem}");

    /// <summary>The trimmed value, or null when the variable is unset or blank.</summary>
    public string? Optional(string name)
    {
        var value = readVariable(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string Required(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            Problem(name, "is required but not set");
        }

        return value ?? string.Empty;
    }

    public int Integer(string name, int defaultValue, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(name, $"must be a whole number, got '{text}'");
            return defaultValue;
        }

        if (value < min || value > max)
        {
            Problem(name, $"must be between {min} and {max}, got {value}");
            return defaultValue;
        }

        return value;
    }

    /// <summary><c>true</c> or <c>false</c> (any case); the default when unset.</summary>
    public bool Boolean(string name, bool defaultValue)
    {
        var text = Optional(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!bool.TryParse(text, out var value))
        {
            Problem(name, $"must be true or false, got '{text}'");
            return defaultValue;
        }

        return value;
    }

    public TimeSpan Seconds(string name, int defaultSeconds, int minSeconds, int maxSeconds = int.MaxValue) =>
        TimeSpan.FromSeconds(Integer(name, defaultSeconds, minSeconds, maxSeconds));

    /// <summary>
    /// A duration in seconds that may have a fraction (<c>0.5</c>): the probe schedule is described in seconds, and the
    /// lab's compressed time profiles need it below one wall-clock second.
    /// </summary>
    public TimeSpan DecimalSeconds(string name, double defaultSeconds, double minSeconds, double maxSeconds)
    {
        var text = Optional(name);
        if (text is null)
        {
            return TimeSpan.FromSeconds(defaultSeconds);
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Problem(name, $"must be a number of seconds such as 5 or 0.5, got '{text}'");
            return TimeSpan.FromSeconds(defaultSeconds);
        }

        if (value < minSeconds || value > maxSeconds)
        {
            Problem(name, string.Create(CultureInfo.InvariantCulture, $"must be between {minSeconds} and {maxSeconds} seconds, got {value}"));
            return TimeSpan.FromSeconds(defaultSeconds);
        }

        return TimeSpan.FromSeconds(value);
    }

    public TimeSpan Milliseconds(string name, int defaultMs, int minMs, int maxMs = int.MaxValue) =>
        TimeSpan.FromMilliseconds(Integer(name, defaultMs, minMs, maxMs));

    /// <summary>A comma-separated list of non-empty trimmed entries; empty when unset.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return [];
        }

        var entries = text.Split(',').Select(entry => entry.Trim()).ToList();
        if (entries.Any(entry => entry.Length == 0))
        {
            Problem(name, $"has an empty entry in '{text}'");
        }

        return entries.Where(entry => entry.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A comma-separated list of whole numbers; null (with a problem recorded) when malformed.</summary>
    public IReadOnlyList<int>? IntegerList(string name, string defaultText)
    {
        var text = Optional(name) ?? defaultText;
        var values = new List<int>();
        foreach (var entry in text.Split(','))
        {
            if (!int.TryParse(entry.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Problem(name, $"must be comma-separated whole numbers, got '{text}'");
                return null;
            }

            values.Add(value);
        }

        return values;
    }
}
