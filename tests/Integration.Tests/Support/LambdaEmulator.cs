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

    /// <summary>Serves the deployed functions under their physical names, each with its memory, timeout and environment.</summary>
    public static async Task<LambdaEmulator> ServeAsync(string envFile, IReadOnlyList<DeployedFunction> functions, string region)
    {
        var arguments = new List<string> { Repository.EmulatorDll, "serve", "--port", "0", "--region", region, "--env-file", envFile };
        foreach (var function in functions)
        {
            arguments.AddRange([
                "--function", $"{function.Name}={FunctionBinaries.PathOf(function.Code)}",
                "--function-memory", $"{function.Name}={function.MemorySize}",
                "--function-timeout", $"{function.Name}={function.Timeout}",
            ]);
        }

        return new LambdaEmulator(await ChildProcess.StartAsync("dotnet", arguments, TimeSpan.FromSeconds(60)));
    }

    /// <summary>SAM's <c>--env-vars</c> JSON: one section of variables per function.</summary>
    public static string EnvFileDocument(IReadOnlyList<DeployedFunction> functions)
    {
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Parameters"] = new Dictionary<string, string>() };
        foreach (var function in functions)
        {
            sections[function.Name] = function.Environment;
        }

        return JsonSerializer.Serialize(sections);
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
