using DrLambdas.Aws;
using DrLambdas.Errors;
using DrLambdas.Runtime;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.Functions.Common;

/// <summary>What every function builds once at init: the validated configuration, the AWS clients and the clock.</summary>
/// <param name="Configuration">The DR configuration.</param>
/// <param name="Aws">The AWS clients (one connection pool for the process).</param>
/// <param name="TimeProvider">The host's clock.</param>
public sealed record FunctionServices(DrConfiguration Configuration, AwsClientFactory Aws, TimeProvider TimeProvider)
{
    /// <summary>
    /// Loads the configuration and the AWS client settings from the function's environment. Every problem of
    /// both is reported in one <see cref="ConfigurationException"/>, which the host posts as the init error.
    /// </summary>
    /// <exception cref="ConfigurationException">A variable is missing or invalid; lists all.</exception>
    public static FunctionServices Load(LambdaInitContext init)
    {
        ArgumentNullException.ThrowIfNull(init);
        var problems = new List<string>();
        DrConfiguration? configuration = null;
        AwsClientOptions? awsOptions = null;
        try
        {
            configuration = DrConfiguration.Load(init.Environment.GetVariable);
        }
        catch (ConfigurationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        try
        {
            awsOptions = AwsClientOptions.FromEnvironment(init.Environment.GetVariable);
        }
        catch (ConfigurationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        if (problems.Count > 0 || configuration is null || awsOptions is null)
        {
            throw new ConfigurationException(problems.Distinct(StringComparer.Ordinal).ToList());
        }

        return new FunctionServices(configuration, new AwsClientFactory(awsOptions), init.TimeProvider);
    }
}
