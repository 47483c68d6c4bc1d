using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime;

// Init: configuration errors (ConfigurationException) are posted as the init error and the sandbox stops.
return await LambdaHost.RunAsync(init =>
{
    var services = FunctionServices.Load(init);
    var configuration = services.Configuration;
    var probeClient = new HttpClient(new SocketsHttpHandler
    {
        ConnectTimeout = configuration.Probes.AttemptTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    var probe = new ActuatorHealthProbe(
        probeClient, configuration.Probes, configuration.Topology.RecoveryRegion, services.TimeProvider, ActuatorHealthProbe.DefaultAttemptSpacing);
    var dependencies = new ValidatorDependencies(
        configuration,
        services.Aws.Rds,
        services.Aws.Route53,
        services.Aws.CloudWatch,
        services.Aws.StepFunctions,
        probe,
        services.TimeProvider,
        services.Aws.ParameterStore);
    return HealthValidatorFunction.CreateRouter(dependencies).CreateHandler();
});
