using DrLambdas.LambdaEmulator.Configuration;

namespace DrLambdas.LambdaEmulator.Cli;

/// <summary>Reports configuration errors as one clear line and a distinct exit code, instead of a stack trace.</summary>
internal static class CliErrors
{
    public const int ConfigurationExitCode = 2;

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (EmulatorConfigurationException exception)
        {
            await Console.Error.WriteLineAsync($"lambda-emulator: {exception.Message}");
            return ConfigurationExitCode;
        }
    }
}
