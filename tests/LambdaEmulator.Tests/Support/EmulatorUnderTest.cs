using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.InvokeApi;

namespace DrLambdas.LambdaEmulator.Tests.Support;

/// <summary>An in-process <see cref="EmulatorHost"/> hosting the echo fixture, with an HTTP client for its Invoke API.</summary>
internal sealed class EmulatorUnderTest : IAsyncDisposable
{
    public const string FunctionName = "echo";

    private EmulatorUnderTest(EmulatorHost host, HttpClient client, StringLog log)
    {
        Host = host;
        Client = client;
        Log = log;
    }

    public EmulatorHost Host { get; }

    public HttpClient Client { get; }

    public StringLog Log { get; }

    public static async Task<EmulatorUnderTest> StartAsync(
        string? bootstrapPath = null,
        IReadOnlyDictionary<string, string>? variables = null,
        TimeSpan? timeout = null,
        int maxInstances = 2)
    {
        var function = new FunctionDefinition(
            FunctionName,
            bootstrapPath ?? TestPaths.EchoJitBootstrap,
            256,
            timeout ?? TimeSpan.FromSeconds(30),
            variables ?? new Dictionary<string, string>());
        var settings = new EmulatorSettings
        {
            Region = "ap-northeast-1",
            MaxInstancesPerFunction = maxInstances,
            InheritedVariables = LambdaEmulator.Functions.LambdaEnvironmentBuilder.Inherited(Environment.GetEnvironmentVariable),
        };
        var log = new StringLog();
        var host = new EmulatorHost([function], settings, log.Log, TimeProvider.System);
        var baseUrl = await host.StartAsync(0);
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        return new EmulatorUnderTest(host, client, log);
    }

    public Task<HttpResponseMessage> InvokeAsync(string payload, string function = FunctionName, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{function}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        headers?.Invoke(request.Headers);
        return Client.SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> InvokeJsonAsync(string payload, Action<HttpRequestHeaders>? headers = null)
    {
        var response = await InvokeAsync(payload, FunctionName, headers);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        Log.Dispose();
    }
}
