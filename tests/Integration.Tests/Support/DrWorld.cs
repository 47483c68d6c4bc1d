using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>
/// One lab and one emulator for the whole test collection: the bootstraps are published (once), the lab started in
/// its fast profile, the templates deployed into it as the drill deploys them (IAM enforced) and the emulator serves
/// the deployed functions, each with its template environment and its own role's key pair. Tests reset the lab.
/// </summary>
public sealed class DrWorld : IAsyncLifetime
{
    public const string Primary = "ap-east-2";
    public const string Secondary = "ap-northeast-1";

    private DrLab? _lab;
    private LambdaEmulator? _emulator;
    private TemplateDeployment? _deployment;

    internal DrLab Lab => _lab ?? throw new InvalidOperationException("The lab is not running.");

    internal LambdaEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not running.");

    internal TemplateDeployment Deployment => _deployment ?? throw new InvalidOperationException("The templates are not deployed.");

    /// <summary>The functions' env file (SAM's --env-vars JSON, one section per deployed function).</summary>
    public string EnvFile { get; } = Path.Combine(Path.GetTempPath(), $"drlambdas-integration-{Guid.NewGuid():N}.env.json");

    /// <summary>HealthValidator's environment as the template sets it (every DR_* setting the functions share).</summary>
    internal IReadOnlyDictionary<string, string> Variables => Deployment.Function("HealthValidator").Environment;

    public async Task InitializeAsync()
    {
        await FunctionBinaries.EnsurePublishedAsync();
        _lab = await DrLab.StartAsync();
        await DeployAsync(Secondary);
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

    /// <summary>Back to the initial world, with the main stack deployed in the secondary (the usual recovery) Region.</summary>
    internal async Task ResetAsync()
    {
        await Lab.ResetAsync();
        if (Deployment.RecoveryRegion != Secondary)
        {
            await DeployAsync(Secondary);
        }
    }

    /// <summary>
    /// Deploys the templates with the main stack in <paramref name="recoveryRegion"/> (the lab's observer: for a
    /// secondary outage, the primary Region) and serves its functions.
    /// </summary>
    internal async Task DeployAsync(string recoveryRegion)
    {
        // The lab's built-in checks are on its records from the start; the drill covers create + associate.
        var adoptBuiltInChecks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["main.HealthChecks"] = "adopt",
            ["main.PrimaryHealthCheckId"] = Lab.Environment["DR_PRIMARY_HEALTH_CHECK_ID"],
            ["main.SecondaryHealthCheckId"] = Lab.Environment["DR_SECONDARY_HEALTH_CHECK_ID"],
        };
        _deployment = await TemplateDeployment.DeployAsync(Lab.BaseUrl, recoveryRegion, adoptBuiltInChecks);
        await File.WriteAllTextAsync(EnvFile, LambdaEmulator.EnvFileDocument(_deployment.Functions));
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _emulator = await LambdaEmulator.ServeAsync(EnvFile, _deployment.Functions, recoveryRegion);
    }

    /// <summary>Invokes a deployed function by its code name (HealthValidator, AuroraPromoter, DnsUpdater).</summary>
    internal Task<FunctionResult> InvokeAsync(string function, string payload) => Emulator.InvokeAsync(Deployment.Function(function).Name, payload);

    /// <summary>Stops a deployed function's processes (by code name): the next invocation starts a new one.</summary>
    internal Task StopInstancesAsync(string function) => Emulator.StopInstancesAsync(Deployment.Function(function).Name);

    /// <summary>The deployed Route 53 health-check alarm of a lab Region (it lives in us-east-1) and its Region.</summary>
    internal (string Name, string Region) HealthCheckAlarm(string region)
    {
        var role = region == Primary ? "PRIMARY" : "SECONDARY";
        return Deployment.HealthCheckAlarm(Lab.Environment[$"DR_{role}_HEALTH_CHECK_ID"]);
    }

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
