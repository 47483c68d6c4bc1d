using System.Text;
using System.Text.Json;
using DrLambdas.Runtime.Logging;

namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>A <see cref="JsonLineSink"/> over memory, read back as parsed JSON lines.</summary>
internal sealed class CapturedOutput : IDisposable
{
    private readonly MemoryStream _stream = new();

    public CapturedOutput()
    {
        Sink = new JsonLineSink(_stream);
    }

    public JsonLineSink Sink { get; }

    public IReadOnlyList<string> Lines =>
        Encoding.UTF8.GetString(_stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _stream.Dispose();

    public IReadOnlyList<JsonElement> Records => [.. Lines.Select(line => JsonDocument.Parse(line).RootElement)];
}
