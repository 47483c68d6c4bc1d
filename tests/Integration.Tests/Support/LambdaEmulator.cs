using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>The local Lambda emulator serving the three bootstraps, and its one-shot <c>invoke</c> command.</summary>
internal sealed class LambdaEmulator : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private LambdaEmulator(ChildProcess process)
    {
        _process = process;
        _http = new HttpClient
        {
            BaseAddress = new Uri(process.Ready.GetProperty("baseUrl").GetString()!),
            Timeout = TimeSpan.FromSeconds(90),
        };
    }

    public string Errors => _process.Errors;

    public static async Task<LambdaEmulator> ServeAsync(string envFile)
    {
        var arguments = new List<string> { Repository.EmulatorDll, "serve", "--port", "0", "--env-file", envFile, "--timeout", "60" };
        foreach (var name in FunctionBinaries.Names)
        {
            arguments.AddRange(["--function", $"{name}={FunctionBinaries.PathOf(name)}"]);
        }

        return new LambdaEmulator(await ChildProcess.StartAsync("dotnet", arguments, TimeSpan.FromSeconds(60)));
    }

    public async Task<FunctionResult> InvokeAsync(string function, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/2015-03-31/functions/{function}/invocations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Invoke API answered {(int)response.StatusCode}: {body}");
        var error = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.Single() : null;
        return new FunctionResult(JsonDocument.Parse(body).RootElement.Clone(), error);
    }

    /// <summary>Stops the function's processes: the next invocation starts a new one (a crash between two calls).</summary>
    public async Task StopInstancesAsync(string function) =>
        (await _http.DeleteAsync(new Uri($"/_emulator/functions/{function}/instances", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary><c>invoke</c>: one cold invocation with extra variables, like <c>sam local invoke</c>.</summary>
    public static async Task<FunctionResult> InvokeOnceAsync(string function, string payload, string envFile, params string[] variables)
    {
        var eventFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(eventFile, payload);
        try
        {
            var arguments = new List<string> { Repository.EmulatorDll, "invoke", "--function", $"{function}={FunctionBinaries.PathOf(function)}", "--event", eventFile, "--env-file", envFile };
            foreach (var variable in variables)
            {
                arguments.AddRange(["--env", variable]);
            }

            using var process = Process.Start(new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(process.ExitCode is 0 or 1, $"invoke exited with {process.ExitCode}: {await errors}");
            return new FunctionResult(JsonDocument.Parse(await output).RootElement.Clone(), process.ExitCode == 1 ? "Unhandled" : null);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}

/// <summary>A function's answer: its output, or its error document when <see cref="FunctionError"/> is set.</summary>
internal sealed record FunctionResult(JsonElement Body, string? FunctionError)
{
    /// <summary>The output of a successful invocation.</summary>
    public JsonElement Output
    {
        get
        {
            Assert.True(FunctionError is null, $"the function failed: {Body}");
            return Body;
        }
    }
}
