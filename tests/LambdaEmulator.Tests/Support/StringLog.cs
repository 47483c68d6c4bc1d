using System.Text;
using DrLambdas.LambdaEmulator.Diagnostics;

namespace DrLambdas.LambdaEmulator.Tests.Support;

/// <summary>An <see cref="EmulatorLog"/> kept in memory so tests can read what functions and the emulator wrote.</summary>
internal sealed class StringLog : IDisposable
{
    private readonly StringBuilder _text = new();
    private readonly StringWriter _writer;
    private readonly TextWriter _synchronized;

    public StringLog()
    {
        _writer = new StringWriter(_text);
        _synchronized = TextWriter.Synchronized(_writer);
        Log = new EmulatorLog(_synchronized, TimeProvider.System);
    }

    public EmulatorLog Log { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            // TextWriter.Synchronized locks the wrapper itself around every write.
            lock (_synchronized)
            {
                return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
    }

    public void Dispose()
    {
        _synchronized.Dispose();
        _writer.Dispose();
    }
}
