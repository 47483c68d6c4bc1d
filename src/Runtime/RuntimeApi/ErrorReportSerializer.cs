using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>
/// Serializes a <see cref="LambdaErrorReport"/> as the Runtime API error document, within the size Lambda
/// accepts: stack frames are dropped from the end first, then the message is shortened.
/// </summary>
public static class ErrorReportSerializer
{
    /// <summary>The largest error document the runtime posts (256 KB).</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    private const string TruncationMarker = "... (truncated)";

    // The document ends up in logs and Step Functions' Cause, never in HTML: keep '<', '>' and '+' readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 JSON document, at most <paramref name="maxBytes"/> long.</summary>
    public static byte[] Serialize(LambdaErrorReport report, int maxBytes = MaxDocumentBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        var frames = report.StackTrace.Count;
        var message = report.ErrorMessage;
        while (true)
        {
            var document = Write(report.ErrorType, message, report.StackTrace, frames);
            if (document.Length <= maxBytes)
            {
                return document;
            }

            if (frames > 0)
            {
                frames = Math.Max(0, frames - Math.Max(1, frames / 4));
                continue;
            }

            var overflow = document.Length - maxBytes + TruncationMarker.Length;
            // Escaping can make one character cost up to six bytes, hence the generous cut.
            var keep = Math.Max(0, message.Length - Math.Max(overflow, (message.Length / 8) + 1));
            if (keep == 0 && message.Length <= TruncationMarker.Length)
            {
                return Write(Truncate(report.ErrorType, maxBytes / 8), string.Empty, [], 0);
            }

            message = string.Concat(message.AsSpan(0, keep), TruncationMarker);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static byte[] Write(string errorType, string message, IReadOnlyList<string> stackTrace, int frames)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", message);
            writer.WriteStartArray("stackTrace");
            for (var index = 0; index < frames; index++)
            {
                writer.WriteStringValue(stackTrace[index]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
