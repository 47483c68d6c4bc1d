using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>
/// One lab and one emulator for the whole test collection: the bootstraps are published (once), the lab started in
/// its fast profile, and the emulator serves the three functions with the lab's variables. Tests reset the lab.
/// </summary>
public sealed class DrWorld : IAsyncLifetime
{
    public const string Primary = "ap-east-2";
    public const string Secondary = "ap-northeast-1";

    private DrLab? _lab;
    private LambdaEmulator? _emulator;

    internal DrLab Lab => _lab ?? throw new InvalidOperationException("The lab is not running.");

    internal LambdaEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not running.");

    /// <summary>The dotenv file of the functions' variables.</summary>
    public string EnvFile { get; } = Path.Combine(Path.GetTempPath(), $"drlambdas-integration-{Guid.NewGuid():N}.env");

    internal IReadOnlyDictionary<string, string> Variables { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await FunctionBinaries.EnsurePublishedAsync();
        _lab = await DrLab.StartAsync();
        var variables = new Dictionary<string, string>(_lab.Environment);
        Variables = variables;
        await File.WriteAllLinesAsync(EnvFile, variables.Select(pair => $"{pair.Key}={pair.Value}"));
        _emulator = await LambdaEmulator.ServeAsync(EnvFile);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        File.Delete(EnvFile);
    }

    internal Task<FunctionResult> InvokeAsync(string function, string payload) => Emulator.InvokeAsync(function, payload);

    /// <summary>Polls <paramref name="call"/> until <paramref name="done"/> holds (the lab models minutes as seconds).</summary>
    internal static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> call, Func<JsonElement, bool> done, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var result = await call();
            if (done(result))
            {
                return result;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"{what} never happened; last answer: {result}");
            await Task.Delay(500);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedDrWorld : ICollectionFixture<DrWorld>
{
    public const string Name = "DR world";
}
