using DrLambdas.DnsUpdater;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime;

// Init: configuration errors (ConfigurationException) are posted as the init error and the sandbox stops.
return await LambdaHost.RunAsync(init =>
{
    var services = FunctionServices.Load(init);
    return DnsUpdaterFunction.CreateRouter(services.Configuration, services.Aws.Route53, services.TimeProvider).CreateHandler();
});
