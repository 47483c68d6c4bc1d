using DrLambdas.Runtime.Hosting;
using DrLambdas.Runtime.RuntimeApi;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>Runs a <see cref="LambdaBootstrap"/> against a <see cref="FakeRuntimeApi"/> with a fake clock.</summary>
internal sealed class BootstrapHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _stop = new();
    private readonly RuntimeApiClient _client;

    private BootstrapHarness(FakeRuntimeApi api, FakeEnvironment environment)
    {
        Api = api;
        Environment = environment;
        _client = new RuntimeApiClient(api.Address);
        Bootstrap = new LambdaBootstrap(_client, environment, Time, Output.Sink, "DrLambdasTests");
    }

    public FakeRuntimeApi Api { get; }

    public FakeEnvironment Environment { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public CapturedOutput Output { get; } = new();

    public LambdaBootstrap Bootstrap { get; }

    public static long DeadlineMs(TimeSpan fromNow) => (Now + fromNow).ToUnixTimeMilliseconds();

    public static async Task<BootstrapHarness> StartAsync(FakeEnvironment? environment = null)
    {
        var api = await FakeRuntimeApi.StartAsync();
        return new BootstrapHarness(api, environment ?? new FakeEnvironment(("AWS_LAMBDA_FUNCTION_NAME", "echo")));
    }

    /// <summary>Starts the loop with <paramref name="handler"/>; complete the returned task with <see cref="StopAsync"/>.</summary>
    public Task<int> Run(ILambdaHandler handler) =>
        Task.Run(() => Bootstrap.RunAsync((_, _) => Task.FromResult(handler), _stop.Token));

    public Task<int> Run(Func<ReadOnlyMemory<byte>, ILambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler) =>
        Run(LambdaHandler.FromBytes(handler));

    public async Task<int> StopAsync(Task<int> run)
    {
        await _stop.CancelAsync();
        return await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        await Api.DisposeAsync();
        _stop.Dispose();
        Output.Dispose();
    }
}
