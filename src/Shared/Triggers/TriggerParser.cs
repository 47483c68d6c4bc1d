using System.Text.Json;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Triggers;

/// <summary>
/// Turns an execution input (EventBridge alarm event or manual document) into a <see cref="Trigger"/>.
/// Anything else throws <see cref="InputValidationException"/> naming the field.
/// </summary>
public static class TriggerParser
{
    /// <summary>Parses UTF-16 JSON text.</summary>
    /// <exception cref="InputValidationException">The text is not JSON or not a known trigger.</exception>
    public static Trigger Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new InputValidationException("$", $"is not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>Parses an already-read JSON element (for example the <c>trigger</c> section of the execution document).</summary>
    /// <exception cref="InputValidationException">The element is not a known trigger.</exception>
    public static Trigger Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputValidationException("$", $"must be a JSON object, got {JsonFields.Describe(root)}");
        }

        JsonFields.RejectDuplicateProperties(root, "$");

        if (root.TryGetProperty("source", out _) || root.TryGetProperty("detail-type", out _))
        {
            return AlarmEventParser.Parse(root);
        }

        if (root.TryGetProperty("mode", out _))
        {
            return ManualDocumentParser.Parse(root);
        }

        throw new InputValidationException(
            "mode",
            "is required: the input is neither an EventBridge alarm event (no 'source') nor a manual document (no 'mode')");
    }
}
