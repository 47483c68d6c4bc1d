using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Protocol;

/// <summary>awsJson1_0 bodies: parse the request object, write the response object.</summary>
internal static class JsonReplies
{
    /// <summary>The request body as a JSON object (an empty body counts as {}); SerializationException otherwise.</summary>
    public static JsonElement ParseObject(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new LabError("SerializationException", "Start of structure or map found where not expected.");
        }
        catch (JsonException ex)
        {
            throw new LabError("SerializationException", $"The request body is not valid JSON: {ex.Message}");
        }
    }

    public static AwsReply Write(AwsCall call, Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return new AwsReply(200, AwsErrors.JsonContentType, Encoding.UTF8.GetString(stream.ToArray()),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["x-amzn-RequestId"] = call.RequestId });
    }

    /// <summary>A string member, null when absent; a ValidationException when present with another type.</summary>
    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new LabError("SerializationException", $"Member '{name}' must be a string.")
            : null;

    public static int? Int(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw new LabError("SerializationException", $"Member '{name}' must be an integer.")
            : null;

    /// <summary>A boolean member, null when absent; a SerializationException when present with another type.</summary>
    public static bool? Bool(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw new LabError("SerializationException", $"Member '{name}' must be a boolean.")
            : null;

    /// <summary>A timestamp as epoch seconds (number) or ISO 8601 (string), null when absent.</summary>
    public static DateTimeOffset? Timestamp(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000));
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new LabError("SerializationException", $"Member '{name}' must be a timestamp.");
    }

    /// <summary>Epoch seconds, as awsJson writes timestamps.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000.0);
}
