using System.Text.Json;
using DrLambdas.DrLab.Protocol;

namespace DrLambdas.DrLab.Iam;

/// <summary>Reads a call's request parameters, whichever protocol carried them, for the authorization mappings.</summary>
internal static class CallParameters
{
    /// <summary>A string member (awsQuery parameter or top-level JSON member), or null.</summary>
    public static string? String(AwsCall call, string name)
    {
        if (call.Protocol != AwsProtocol.Json)
        {
            return call.Param(name);
        }

        return Body(call) is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>A boolean top-level JSON member, or null when absent or not a boolean.</summary>
    public static bool? Bool(AwsCall call, string name) =>
        call.Protocol == AwsProtocol.Json && Body(call) is { } body && body.TryGetProperty(name, out var value)
            && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    /// <summary>A list member (awsQuery Name.member.N or a JSON array of strings); empty when absent.</summary>
    public static IReadOnlyList<string> List(AwsCall call, string name)
    {
        if (call.Protocol != AwsProtocol.Json)
        {
            return QueryParameters.List(call.Parameters, name + ".member");
        }

        return Body(call) is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
    }

    private static JsonElement? Body(AwsCall call)
    {
        if (call.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(call.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // The service itself answers malformed bodies with its validation error.
            return null;
        }
    }
}
