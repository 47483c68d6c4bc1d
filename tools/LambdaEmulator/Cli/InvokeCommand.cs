using System.CommandLine;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Diagnostics;
using DrLambdas.LambdaEmulator.Functions;
using DrLambdas.LambdaEmulator.InvokeApi;

namespace DrLambdas.LambdaEmulator.Cli;

/// <summary>
/// <c>invoke</c>: the one-shot <c>sam local invoke -e EVENT</c>. Prints the response (or the error
/// document) on stdout; exits 0 on success and 1 on a function error.
/// </summary>
internal static class InvokeCommand
{
    public const int FunctionErrorExitCode = 1;

    public static Command Create()
    {
        var options = new CommonOptions();
        var eventFile = new Option<string>("--event", "-e") { Description = "The event JSON file ('-' reads stdin).", Required = true };
        var command = new Command("invoke", "Start the function, invoke it once with the event, print the result and stop it.");
        options.AddTo(command);
        command.Options.Add(eventFile);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (functions, settings) = EmulatorSetup.From(parse, options, Environment.GetEnvironmentVariable);
            if (functions.Count != 1)
            {
                throw new EmulatorConfigurationException("invoke takes exactly one --function.");
            }

            var payload = await ReadEventAsync(parse.GetValue(eventFile)!, cancellationToken);
            var log = EmulatorLog.StandardError(TimeProvider.System);
            await using var host = new EmulatorHost(functions, settings, log, TimeProvider.System);
            var pool = host.Find(functions[0].Name)!;
            var request = new InvokeRequest(Guid.NewGuid().ToString(), payload, TraceIds.NewHeader(TimeProvider.System.GetUtcNow()), null);
            var outcome = await pool.InvokeAsync(request, cancellationToken);
            await using (var stdout = Console.OpenStandardOutput())
            {
                await stdout.WriteAsync(outcome.Payload, cancellationToken);
                stdout.WriteByte((byte)'\n');
            }

            return outcome.IsFunctionError ? FunctionErrorExitCode : 0;
        }));
        return command;
    }

    private static async Task<byte[]> ReadEventAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await using var stdin = Console.OpenStandardInput();
            await stdin.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (IOException exception)
        {
            throw new EmulatorConfigurationException($"Cannot read the event file {path}: {exception.Message}", exception);
        }
    }
}
