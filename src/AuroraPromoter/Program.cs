using DrLambdas.AuroraPromoter;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime;

// Init: configuration errors (ConfigurationException) are posted as the init error and the sandbox stops.
return await LambdaHost.RunAsync(init =>
{
    var services = FunctionServices.Load(init);
    return AuroraPromoterFunction.CreateRouter(services.Configuration, services.Aws.Rds, services.TimeProvider).CreateHandler();
});
