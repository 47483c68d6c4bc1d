using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DrLambdas.LambdaEmulator.Diagnostics;

/// <summary>
/// The emulator's own diagnostics and the functions' output, on one stream (stderr by default) so stdout
/// carries only the machine-readable results (<c>{"baseUrl"}</c>, invoke payloads).
/// </summary>
internal sealed class EmulatorLog(TextWriter output, TimeProvider timeProvider)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();

    public static EmulatorLog StandardError(TimeProvider timeProvider) => new(Console.Error, timeProvider);

    /// <summary>A line the function wrote (already one-line JSON from DrLambdas.Runtime), passed through unchanged.</summary>
    public void FunctionOutput(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>One JSON record of the emulator itself: <c>{"timestamp","level","source":"emulator","message",...}</c>.</summary>
    public void Write(string level, string message, params ReadOnlySpan<KeyValuePair<string, object?>> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            writer.WriteString("source", "emulator");
            writer.WriteString("message", message);
            foreach (var (name, value) in fields)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case int or long:
                        writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                    case double number:
                        writer.WriteNumberValue(Math.Round(number, 3));
                        break;
                    default:
                        writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        FunctionOutput(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public void Info(string message, params ReadOnlySpan<KeyValuePair<string, object?>> fields) => Write("INFO", message, fields);

    public void Warn(string message, params ReadOnlySpan<KeyValuePair<string, object?>> fields) => Write("WARN", message, fields);
}
