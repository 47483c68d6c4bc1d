using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DrLambdas.Aws.Tests.Integration;

/// <summary>
/// Starts <c>moto_server</c> on 127.0.0.1 on a free port for the integration tests and stops it afterwards.
/// The clients under test resolve credentials through the default chain, so the fixture provides dummy
/// environment credentials when none are set.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private Process? _process;
    private readonly System.Text.StringBuilder _output = new();

    public Uri BaseUrl { get; private set; } = null!;

    public MotoSeeder Seeder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                "moto_server is not on PATH; the integration tests need moto 5 (pip install 'moto[server]').", exception);
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        Seeder = new MotoSeeder(BaseUrl);
    }

    public Task DisposeAsync()
    {
        Seeder?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Options pointing every service at moto through <c>AWS_ENDPOINT_URL</c>, as a deployed function would read them.</summary>
    public AwsClientOptions Options(string region = "ap-northeast-1") =>
        AwsClientOptions.FromEnvironment(name => name switch
        {
            "AWS_REGION" => region,
            "AWS_ENDPOINT_URL" => BaseUrl.ToString(),
            "AWS_MAX_ATTEMPTS" => "2",
            _ => null,
        }) with { BaseDelay = TimeSpan.FromMilliseconds(10), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(10) };

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto_server did not answer within {StartupTimeout}: {Output()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MotoServerGroup : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto_server";
}
