using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using DrLambdas.Aws;
using DrLambdas.DrLab.Control;
using Microsoft.AspNetCore.Builder;

namespace DrLambdas.DrLab.Tests.Iam;

/// <summary>The lab running in-process on a free port (fast profile, system clock), with helpers to deploy roles.</summary>
public sealed class RunningLab : IAsyncLifetime
{
    public const string AccountRole = "arn:aws:iam::111122223333:role/";
    public const string HostedZoneId = "Z0DRLAB0123456789ABC";

    private WebApplication? _app;
    private readonly List<AwsClientFactory> _factories = [];

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (options, problems, _) = LabOptions.Parse(["--port", "0", "--profile", "fast"]);
        Assert.Empty(problems);
        _app = LabHost.Build(options!, TimeProvider.System);
        await _app.StartAsync();
        BaseUrl = new Uri(LabHost.BaseUrl(_app));
        Control = new HttpClient { BaseAddress = BaseUrl };
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        Control.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Replaces the deployed roles with these (name → policy JSON) and returns each role's key pair by name.</summary>
    public async Task<Dictionary<string, (string AccessKeyId, string Secret)>> DeployAsync(params (string Name, string Policy)[] roles)
    {
        var body = "{\"roles\":[" + string.Join(',', roles.Select(r =>
            "{\"arn\":\"" + AccountRole + r.Name + "\",\"policies\":[{\"name\":\"p\",\"document\":" + r.Policy + "}]}")) + "]}";
        using var response = await Control.PutAsync(new Uri("/_lab/iam/roles", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync(IamJsonContext.Default.RoleListDocument);
        return list!.Roles.ToDictionary(r => r.Arn[AccountRole.Length..], r => (r.AccessKeyId, r.SecretAccessKey));
    }

    /// <summary>The project's AWS clients signing with a key pair (one attempt, no retries).</summary>
    public AwsClientFactory Clients((string AccessKeyId, string Secret) keys, string region = "ap-northeast-1")
    {
        var factory = new AwsClientFactory(new AwsClientOptions
        {
            Region = region,
            EndpointUrl = BaseUrl,
            Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.Secret),
            MaxAttempts = 1,
        });
        _factories.Add(factory);
        return factory;
    }

    /// <summary>The clients of the administrative identity (the ready document's key).</summary>
    public AwsClientFactory AdminClients(string region = "ap-northeast-1") =>
        Clients((ReadyDocuments.AccessKeyId, ReadyDocuments.SecretAccessKey), region);

    /// <summary>The request log entries with this outcome.</summary>
    public async Task<List<JsonElement>> RequestsAsync(string outcome)
    {
        using var document = JsonDocument.Parse(await Control.GetStringAsync(new Uri($"/_lab/requests?outcome={outcome}", UriKind.Relative)));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public async Task ResetAsync()
    {
        using var response = await Control.PostAsync(new Uri("/_lab/reset", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }
}
