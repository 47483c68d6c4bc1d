using System.Text.Json;

namespace DrLambdas.Aws.Transport;

/// <summary>Parses awsJson error bodies: <c>{"__type":"namespace#Code","message":"..."}</c>.</summary>
internal static class JsonErrorParser
{
    public static AwsErrorDetails? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? type = null, message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.NameEquals("__type") || (type is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                {
                    type = property.Value.GetString();
                }
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                {
                    message = property.Value.GetString();
                }
            }

            return string.IsNullOrEmpty(type) ? null : new AwsErrorDetails(ShortCode(type), message ?? string.Empty, null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // "com.amazonaws.sfn#ExecutionDoesNotExist" and "ExecutionDoesNotExist:http://..." both mean ExecutionDoesNotExist.
    private static string ShortCode(string type)
    {
        var hash = type.LastIndexOf('#');
        var code = hash >= 0 ? type[(hash + 1)..] : type;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
