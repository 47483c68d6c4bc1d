using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>The DR lab process (fast profile) and its control API.</summary>
internal sealed class DrLab : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private DrLab(ChildProcess process)
    {
        _process = process;
        BaseUrl = new Uri(process.Ready.GetProperty("baseUrl").GetString()!);
        _http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>The lab's ready-document variables (its world's facts: cluster ARNs, health-check ids, …).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        _process.Ready.GetProperty("env").EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetString()!);

    public string Errors => _process.Errors;

    public static async Task<DrLab> StartAsync() =>
        new(await ChildProcess.StartAsync("dotnet", [Repository.DrLabDll, "--port", "0", "--profile", "fast"], TimeSpan.FromSeconds(60)));

    public async Task ResetAsync() => (await _http.PostAsync(new Uri("/_lab/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task InjectAsync(string faultJson)
    {
        using var content = new StringContent(faultJson, Encoding.UTF8, "application/json");
        var response = await _http.PostAsync(new Uri("/_lab/faults", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"fault refused: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Injects a misconfiguration (<c>POST /_lab/misconfigurations</c>), e.g. <c>{"kind":"DetachCluster","region":"…"}</c>.</summary>
    public async Task MisconfigureAsync(string misconfigurationJson)
    {
        using var content = new StringContent(misconfigurationJson, Encoding.UTF8, "application/json");
        var response = await _http.PostAsync(new Uri("/_lab/misconfigurations", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"misconfiguration refused: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Registers a finished execution (<c>POST /_lab/executions</c>), as Step Functions would list and describe it.</summary>
    public async Task RegisterExecutionAsync(object execution)
    {
        var response = await _http.PostAsJsonAsync(new Uri("/_lab/executions", UriKind.Relative), execution);
        Assert.True(response.IsSuccessStatusCode, $"execution refused: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task MoveObserverAsync(string region)
    {
        var response = await _http.PostAsJsonAsync(new Uri("/_lab/observer", UriKind.Relative), new { region });
        Assert.True(response.IsSuccessStatusCode, $"observer refused: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> StateAsync() =>
        JsonDocument.Parse(await _http.GetStringAsync(new Uri("/_lab/state", UriKind.Relative))).RootElement.Clone();

    /// <summary>The request log entries of one AWS operation.</summary>
    public async Task<IReadOnlyList<JsonElement>> RequestsAsync(string service, string operation)
    {
        var text = await _http.GetStringAsync(new Uri($"/_lab/requests?service={service}&operation={operation}", UriKind.Relative));
        var root = JsonDocument.Parse(text).RootElement;
        var entries = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("requests");
        return entries.EnumerateArray().Select(entry => entry.Clone()).ToList();
    }

    /// <summary>Waits until Route 53 and the alarm agree with the faults injected (the lab's clock runs 30× fast).</summary>
    public async Task WaitUntilAsync(Func<JsonElement, bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (condition(await StateAsync()))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the lab never reached: {what}");
    }

    public static JsonElement RegionState(JsonElement state, string region) =>
        state.GetProperty("regions").EnumerateArray().Single(entry => entry.GetProperty("name").GetString() == region);

    public static string AlarmState(JsonElement state, (string Name, string Region) alarm) =>
        state.GetProperty("alarms").EnumerateArray()
            .Single(entry => entry.GetProperty("name").GetString() == alarm.Name && entry.GetProperty("region").GetString() == alarm.Region)
            .GetProperty("state").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
