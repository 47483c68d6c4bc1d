using System.Globalization;
using System.Text.Json;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Triggers;

/// <summary>Typed reads of JSON properties that fail with an <see cref="InputValidationException"/> naming the field.</summary>
internal static class JsonFields
{
    public static JsonElement RequiredObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InputValidationException(path, "is required");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InputValidationException(path, $"must be an object, got {Describe(value)}");
        }

        return value;
    }

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw new InputValidationException(path, "is required");

    /// <summary>The trimmed string, or null when absent or JSON null; blank strings are rejected.</summary>
    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InputValidationException(path, $"must be a string, got {Describe(value)}");
        }

        string text;
        try
        {
            text = value.GetString()!.Trim();
        }
        catch (InvalidOperationException exception)
        {
            throw new InputValidationException(path, "must be valid Unicode text (a split surrogate pair cannot be read)", exception);
        }

        return text.Length > 0 ? text : throw new InputValidationException(path, "must not be empty");
    }

    /// <summary>
    /// Operator text: a required string of at most <paramref name="maxLength"/> characters with no control
    /// characters (no line breaks that could forge lines of a notice) and no split surrogate pair.
    /// </summary>
    public static string RequiredText(JsonElement parent, string name, string path, int maxLength)
    {
        var text = RequiredString(parent, name, path);
        if (text.Length > maxLength)
        {
            throw new InputValidationException(path, $"must be at most {maxLength} characters, got {text.Length}");
        }

        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsControl(character))
            {
                throw new InputValidationException(path, $"must not contain control characters (U+{(int)character:X4} at position {index})");
            }

            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(character))
            {
                throw new InputValidationException(path, $"must be valid Unicode text: a split surrogate pair at position {index}");
            }
        }

        return text;
    }

    /// <summary>Refuses an object (at any depth) that names a property twice: which value would count is ambiguous.</summary>
    public static void RejectDuplicateProperties(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var child = path == "$" ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        throw new InputValidationException(child, "appears more than once; each field may be given only once");
                    }

                    RejectDuplicateProperties(property.Value, child);
                }

                break;
            case JsonValueKind.Array:
                var position = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RejectDuplicateProperties(item, $"{path}[{position++}]");
                }

                break;
        }
    }

    public static bool OptionalBoolean(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InputValidationException(path, $"must be true or false, got {Describe(value)}"),
        };
    }

    public static DateTimeOffset RequiredTimestamp(JsonElement parent, string name, string path)
    {
        var text = RequiredString(parent, name, path);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return timestamp;
        }

        throw new InputValidationException(path, $"must be an ISO-8601 timestamp, got '{text}'");
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
