using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace DrLambdas.Drctl.Output;

/// <summary>Where a command writes: human output through Spectre.Console, or one JSON document with <c>--json</c>.</summary>
/// <param name="Console">Human output (tables; colour only on a terminal and without NO_COLOR).</param>
/// <param name="Out">The raw standard output, for JSON.</param>
/// <param name="Error">Standard error, for the one-line failure messages.</param>
/// <param name="Json">Whether <c>--json</c> was given.</param>
internal sealed record Terminal(IAnsiConsole Console, TextWriter Out, TextWriter Error, bool Json)
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document to standard output.</summary>
    public void WriteJson(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(writer);
        }

        Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        Out.Flush();
    }

    /// <summary>Writes a one-line failure to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine("drctl: " + message);

    /// <summary>Creates the process's terminal: ANSI and colour only when standard output is a terminal, never with NO_COLOR.</summary>
    public static Terminal ForProcess(bool json, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var interactive = !System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        return new Terminal(console, System.Console.Out, System.Console.Error, json);
    }
}
