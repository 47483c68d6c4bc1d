using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace DrLambdas.Drctl.Output;

/// <summary>AOT-safe helpers to build the <c>--json</c> documents.</summary>
internal static class Json
{
    /// <summary>A value serialized with a source-generated type as a node.</summary>
    public static JsonNode? Node<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type);

    /// <summary>A JSON text as a node; null for null, blank or invalid text.</summary>
    public static JsonNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>ISO-8601 UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A nullable instant as a node.</summary>
    public static JsonNode? Time(DateTimeOffset? value) => value is { } v ? JsonValue.Create(Time(v)) : null;

    /// <summary>The string at a path of object properties, or null.</summary>
    public static string? Text(JsonNode? node, params string[] path)
    {
        var current = At(node, path);
        return current is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>The number at a path, or null.</summary>
    public static double? Number(JsonNode? node, params string[] path)
    {
        var current = At(node, path);
        return current is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
    }

    /// <summary>The node at a path, or null.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        var current = node;
        foreach (var name in path)
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(name, out var next) ? next : null;
        }

        return current;
    }
}
