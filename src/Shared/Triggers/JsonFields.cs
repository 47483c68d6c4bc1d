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

        var text = value.GetString()!.Trim();
        return text.Length > 0 ? text : throw new InputValidationException(path, "must not be empty");
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
