using DrLambdas.Aws;
using DrLambdas.Drctl.Configuration;

namespace DrLambdas.Drctl.Services;

/// <summary>The real services of one drctl process: the project's AWS clients and the HealthValidator in process.</summary>
internal static class ProcessServices
{
    public static DrctlServices Create(DrctlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Lives as long as the process: one command per process.
        var aws = new AwsClientFactory(settings.Aws);
        return new DrctlServices(
            settings,
            aws.StepFunctions,
            aws.Sts,
            aws.ParameterStore,
            new HealthValidatorWorld(settings.Dr, aws, TimeProvider.System),
            TimeProvider.System);
    }
}
