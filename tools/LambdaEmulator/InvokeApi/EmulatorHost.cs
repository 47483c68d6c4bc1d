using System.Net;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Diagnostics;
using DrLambdas.LambdaEmulator.Functions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrLambdas.LambdaEmulator.InvokeApi;

/// <summary>
/// The emulator: one <see cref="FunctionPool"/> per hosted function behind the Lambda Invoke API
/// (<c>POST /2015-03-31/functions/{name}/invocations</c>) on 127.0.0.1.
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly Dictionary<string, FunctionPool> _pools;
    private WebApplication? _app;

    public EmulatorHost(IEnumerable<FunctionDefinition> functions, EmulatorSettings settings, EmulatorLog log, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Settings = settings;
        Log = log;
        TimeProvider = timeProvider;
        _pools = new Dictionary<string, FunctionPool>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            if (!_pools.TryAdd(function.Name, new FunctionPool(function, settings, log, timeProvider)))
            {
                throw new EmulatorConfigurationException($"The function name '{function.Name}' is used twice.");
            }
        }
    }

    public EmulatorSettings Settings { get; }

    public EmulatorLog Log { get; }

    public TimeProvider TimeProvider { get; }

    public IReadOnlyCollection<FunctionPool> Pools => _pools.Values;

    /// <summary>The Invoke API base URL once <see cref="StartAsync"/> has run.</summary>
    public Uri? BaseUrl { get; private set; }

    public FunctionPool? Find(string name) => _pools.GetValueOrDefault(name);

    /// <summary>Serves the Invoke API on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public async Task<Uri> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        InvokeEndpoints.Map(app, this);
        ControlEndpoints.Map(app, this);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _app = app;
        BaseUrl = new Uri(address);
        return BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync();
        }
    }
}
