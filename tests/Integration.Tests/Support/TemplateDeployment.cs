using System.Diagnostics;
using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>
/// The project's templates deployed into the lab by <c>tools/stack/deploy.mjs</c>, as the drill deploys them: each
/// function with the template's environment, its memory and timeout, and the key pair of its own role (the lab
/// enforces IAM); the alarms where the templates put them (the Route 53 health-check alarms in us-east-1).
/// </summary>
internal sealed class TemplateDeployment
{
    private readonly JsonElement _deployment;

    private TemplateDeployment(string recoveryRegion, JsonElement deployment, IReadOnlyList<DeployedFunction> functions)
    {
        RecoveryRegion = recoveryRegion;
        _deployment = deployment;
        Functions = functions;
    }

    /// <summary>The Region the main stack (the functions and state machines) is deployed in.</summary>
    public string RecoveryRegion { get; }

    public IReadOnlyList<DeployedFunction> Functions { get; }

    /// <summary>
    /// Resolves and deploys every template for a running lab (roles, alarms, topics, state machines), with the
    /// durations the functions compare with the clock scaled to the lab's time profile, as the drill does.
    /// <paramref name="overrides"/> are <c>stack.Parameter</c> values (<c>deploy.mjs --set</c>).
    /// </summary>
    public static async Task<TemplateDeployment> DeployAsync(Uri labUrl, string recoveryRegion, IReadOnlyDictionary<string, string> overrides)
    {
        string[] arguments =
        [
            "tools/stack/deploy.mjs", "--lab", labUrl.ToString(), "--recovery-region", recoveryRegion, "--scaled", "--deploy", "--print",
            .. overrides.SelectMany(pair => new[] { "--set", $"{pair.Key}={pair.Value}" }),
        ];
        var start = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy.mjs exited with {process.ExitCode}:\n{await errors}");
        }

        var root = JsonDocument.Parse(await output).RootElement.Clone();
        var deployment = root.GetProperty("deployment");
        var credentials = root.GetProperty("credentials");
        var functions = deployment.GetProperty("functions").EnumerateArray()
            .Select(function => DeployedFunction.From(function, credentials, labUrl))
            .ToList();
        return new TemplateDeployment(recoveryRegion, deployment, functions);
    }

    /// <summary>A function by its code (bootstrap) name: HealthValidator, AuroraPromoter, DnsUpdater.</summary>
    public DeployedFunction Function(string code) =>
        Functions.SingleOrDefault(function => function.Code == code)
        ?? throw new InvalidOperationException($"The templates deploy no function with the code {code}.");

    /// <summary>
    /// The deployed alarm on Route 53's <c>HealthCheckStatus</c> metric of one health check, and the Region it lives in.
    /// </summary>
    public (string Name, string Region) HealthCheckAlarm(string healthCheckId)
    {
        var alarm = _deployment.GetProperty("alarms").EnumerateArray().SingleOrDefault(candidate =>
        {
            var properties = candidate.GetProperty("properties");
            return properties.GetProperty("MetricName").GetString() == "HealthCheckStatus"
                && properties.TryGetProperty("Dimensions", out var dimensions)
                && dimensions.EnumerateArray().Any(dimension =>
                    dimension.GetProperty("Name").GetString() == "HealthCheckId" && dimension.GetProperty("Value").GetString() == healthCheckId);
        });
        Assert.True(alarm.ValueKind == JsonValueKind.Object, $"no deployed alarm watches the health check {healthCheckId}");
        return (alarm.GetProperty("name").GetString()!, alarm.GetProperty("region").GetString()!);
    }
}

/// <summary>One deployed function as the emulator hosts it.</summary>
/// <param name="Code">The bootstrap it runs (the logical id without <c>Function</c>).</param>
/// <param name="Name">Its physical name, which the Invoke API is called with.</param>
/// <param name="Region">Its stack's Region.</param>
/// <param name="MemorySize">The template's <c>MemorySize</c>.</param>
/// <param name="Timeout">The template's <c>Timeout</c> in seconds.</param>
/// <param name="RoleArn">The role it runs as (the principal the lab authorises its calls for).</param>
/// <param name="Environment">The template's variables, then the lab's endpoint, the role's key pair and the Region.</param>
internal sealed record DeployedFunction(
    string Code, string Name, string Region, int MemorySize, int Timeout, string RoleArn, IReadOnlyDictionary<string, string> Environment)
{
    public static DeployedFunction From(JsonElement function, JsonElement credentials, Uri labUrl)
    {
        var code = function.GetProperty("code").GetString()!;
        var region = function.GetProperty("region").GetString()!;
        var roleArn = function.GetProperty("roleArn").GetString()!;
        Assert.True(credentials.TryGetProperty(roleArn, out var keys), $"the lab gave the role {roleArn} of {code} no key pair");
        var environment = function.GetProperty("env").EnumerateObject().ToDictionary(variable => variable.Name, variable => variable.Value.GetString()!);
        environment["AWS_ENDPOINT_URL"] = labUrl.GetLeftPart(UriPartial.Authority);
        environment["AWS_ACCESS_KEY_ID"] = keys.GetProperty("accessKeyId").GetString()!;
        environment["AWS_SECRET_ACCESS_KEY"] = keys.GetProperty("secretAccessKey").GetString()!;
        environment["AWS_REGION"] = region;
        environment["AWS_DEFAULT_REGION"] = region;
        return new DeployedFunction(code, function.GetProperty("name").GetString()!, region,
            function.GetProperty("memorySize").GetInt32(), function.GetProperty("timeout").GetInt32(), roleArn, environment);
    }
}
