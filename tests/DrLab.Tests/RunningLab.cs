using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using DrLambdas.Aws;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Protocol;
using Microsoft.AspNetCore.Builder;

namespace DrLambdas.DrLab.Tests;

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

    /// <summary>
    /// An awsJson1_0 call signed with the administrative identity (resources the project's clients cannot create,
    /// such as a state machine); answers the reply body, failing on an error status.
    /// </summary>
    public async Task<JsonElement> AdminJsonAsync(string service, string region, string target, string body)
    {
        var amzDate = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["content-type"] = ["application/x-amz-json-1.0"],
            ["host"] = [BaseUrl.Authority],
            ["x-amz-date"] = [amzDate],
            ["x-amz-target"] = [target],
        };
        string[] signed = ["content-type", "host", "x-amz-date", "x-amz-target"];
        var canonical = SigV4Verifier.CanonicalRequest(new SignedRequest("POST", "/", "", headers, bytes), signed)!;
        var scope = new SignatureScope(ReadyDocuments.AccessKeyId, amzDate[..8], region, service);
        var signature = new SigV4Verifier(ReadyDocuments.AccessKeyId, ReadyDocuments.SecretAccessKey, TimeProvider.System).Sign(canonical, amzDate, scope);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Date", amzDate);
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={ReadyDocuments.AccessKeyId}/{scope.Date}/{region}/{service}/aws4_request, "
            + $"SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        using var response = await Control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{target} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Creates a one-state machine as the administrative identity and returns its ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string name, string region = "ap-northeast-1")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = name,
            ["definition"] = """{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}""",
            ["roleArn"] = AccountRole + "drlab-states",
        });
        var reply = await AdminJsonAsync("states", region, "AWSStepFunctions.CreateStateMachine", body);
        return reply.GetProperty("stateMachineArn").GetString()!;
    }

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
