using System.Buffers;
using System.Text.Json;

namespace DrLambdas.Runtime.Logging;

/// <summary>
/// Writes whole JSON records as single lines to a stream (stdout in Lambda), one writer at a time so
/// concurrent records never interleave.
/// </summary>
public sealed class JsonLineSink
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Log lines are read by people and CloudWatch, never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _output;
    private readonly Lock _gate = new();

    /// <summary>A sink writing to <paramref name="output"/>.</summary>
    public JsonLineSink(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>A sink writing to the process's standard output.</summary>
    public static JsonLineSink StandardOutput() => new(Console.OpenStandardOutput());

    /// <summary>Builds one JSON object with <paramref name="writeProperties"/> and writes it as one line.</summary>
    public void WriteObject<TState>(TState state, Action<Utf8JsonWriter, TState> writeProperties)
    {
        ArgumentNullException.ThrowIfNull(writeProperties);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer, state);
            writer.WriteEndObject();
        }

        lock (_gate)
        {
            _output.Write(buffer.WrittenSpan);
            _output.WriteByte((byte)'\n');
            _output.Flush();
        }
    }
}
