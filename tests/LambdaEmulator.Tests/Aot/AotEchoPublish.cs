using System.Text.RegularExpressions;
using DrLambdas.LambdaEmulator.Tests.Support;

namespace DrLambdas.LambdaEmulator.Tests.Aot;

/// <summary>
/// Publishes tests/fixtures/EchoFunction with Native AOT for linux-x64 once per test run (it takes a
/// while); the tests of the <see cref="AotPublishGroup"/> share the result.
/// </summary>
public sealed partial class AotEchoPublish : IAsyncLifetime
{
    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("drlambdas-aot-echo-").FullName;

    public string Bootstrap => Path.Combine(OutputDirectory, "bootstrap");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    /// <summary>Distinct MSBuild warning lines (trim, AOT and compiler) of the publish.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(
            "dotnet",
            [
                "publish", TestPaths.EchoProject, "-r", "linux-x64", "-c", "Release", "-p:PublishAot=true",
                // Warnings must show up as warnings (to be counted), not as errors that stop the publish.
                "-p:TreatWarningsAsErrors=false", "-o", OutputDirectory, "-nologo",
            ],
            TimeSpan.FromMinutes(10));
        ExitCode = exitCode;
        Output = stdout + stderr;
        Warnings = [.. Output.Split('\n').Where(line => WarningLine().IsMatch(line)).Select(line => line.Trim()).Distinct()];
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@":\s+warning\s+[A-Z]+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex WarningLine();
}
