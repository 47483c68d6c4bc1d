using System.CommandLine;
using System.Runtime.InteropServices;
using DrLambdas.LambdaEmulator.Diagnostics;
using DrLambdas.LambdaEmulator.InvokeApi;

namespace DrLambdas.LambdaEmulator.Cli;

/// <summary><c>serve</c>: host functions behind the Invoke API until stopped (SIGINT/SIGTERM).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var options = new CommonOptions();
        var port = new Option<int>("--port") { Description = "Invoke API port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Host functions and serve POST /2015-03-31/functions/{name}/invocations on 127.0.0.1; prints {\"baseUrl\":...} when ready.");
        options.AddTo(command);
        command.Options.Add(port);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (functions, settings) = EmulatorSetup.From(parse, options, Environment.GetEnvironmentVariable);
            var log = EmulatorLog.StandardError(TimeProvider.System);
            await using var host = new EmulatorHost(functions, settings, log, TimeProvider.System);
            var baseUrl = await host.StartAsync(parse.GetValue(port));
            await Console.Out.WriteLineAsync($"{{\"baseUrl\":\"{baseUrl.GetLeftPart(UriPartial.Authority)}\"}}");
            await Console.Out.FlushAsync(cancellationToken);
            log.Info("Emulator ready.", new("baseUrl", baseUrl.GetLeftPart(UriPartial.Authority)), new("functions", string.Join(',', functions.Select(f => f.Name))));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => StopGracefully(signal, stop));
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => StopGracefully(signal, stop));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                log.Info("Emulator stopping.");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Turns SIGTERM/SIGINT into an orderly stop, so the bootstraps get their own SIGTERM instead of being orphaned.</summary>
    private static void StopGracefully(PosixSignalContext signal, CancellationTokenSource stop)
    {
        signal.Cancel = true;
        stop.Cancel();
    }
}
