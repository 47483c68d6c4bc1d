using System.Diagnostics;
using System.Text.Json;
using DrLambdas.LambdaEmulator.Cli;
using DrLambdas.LambdaEmulator.Tests.Support;

namespace DrLambdas.LambdaEmulator.Tests.Cli;

public sealed class CliTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Invoke_EchoEvent_PrintsTheResponseAndExitsZero()
    {
        var (exitCode, stdout, stderr) = await RunEmulatorAsync(
            ["invoke", "--function", $"echo={TestPaths.EchoJitBootstrap}", "--event", "-"],
            "{\"action\":\"echo\",\"message\":\"one-shot\"}");

        Assert.True(exitCode == 0, stderr);
        var response = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("one-shot", response.GetProperty("message").GetString());
        Assert.Contains("\"REPORT\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FunctionError_PrintsTheErrorDocumentAndExitsOne()
    {
        var eventFile = Path.Combine(Path.GetTempPath(), $"drlambdas-event-{Guid.NewGuid()}.json");
        await File.WriteAllTextAsync(eventFile, "{\"action\":\"throw\",\"message\":\"nope\"}");
        try
        {
            var (exitCode, stdout, _) = await RunEmulatorAsync(["invoke", "--function", TestPaths.EchoJitBootstrap, "-e", eventFile]);

            Assert.Equal(InvokeCommand.FunctionErrorExitCode, exitCode);
            Assert.Equal("EchoFailureException", JsonDocument.Parse(stdout).RootElement.GetProperty("errorType").GetString());
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Fact]
    public async Task Invoke_MissingBootstrap_ExitsWithConfigurationErrorAndStartsNothing()
    {
        var (exitCode, stdout, stderr) = await RunEmulatorAsync(["invoke", "--function", "x=/nonexistent/bootstrap", "--event", "-"], "{}");

        Assert.Equal(CliErrors.ConfigurationExitCode, exitCode);
        Assert.Empty(stdout.Trim());
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Started_PrintsBaseUrlServesInvocationsAndStopsOnSigterm()
    {
        using var process = Process.Start(ChildProcess.CreateStartInfo(
            "dotnet",
            [TestPaths.EmulatorDll, "serve", "--port", "0", "--function", $"echo={TestPaths.EchoJitBootstrap}", "--region", "eu-west-1"]))!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(CommandTimeout);
            var baseUrl = JsonDocument.Parse(ready!).RootElement.GetProperty("baseUrl").GetString()!;
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

            using var response = await client.PostAsync(
                "/2015-03-31/functions/echo/invocations",
                new StringContent("{\"action\":\"echo\"}"));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
            Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:echo", body.GetProperty("invokedFunctionArn").GetString());

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(CommandTimeout);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("\"exitCode\":0", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Task<(int ExitCode, string StandardOutput, string StandardError)> RunEmulatorAsync(string[] arguments, string? standardInput = null) =>
        ChildProcess.RunAsync("dotnet", [TestPaths.EmulatorDll, .. arguments], CommandTimeout, standardInput);
}
