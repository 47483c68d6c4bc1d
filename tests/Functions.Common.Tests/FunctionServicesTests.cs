using DrLambdas.Errors;
using DrLambdas.Functions.Testing;
using DrLambdas.Runtime;
using DrLambdas.Runtime.Hosting;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Functions.Common.Tests;

public sealed class FunctionServicesTests
{
    [Fact]
    public void Load_ValidEnvironment_BuildsConfigurationAndClients()
    {
        var variables = TestConfiguration.Variables();
        variables["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566";

        var services = FunctionServices.Load(Init(variables));

        Assert.Equal("ap-northeast-1", services.Configuration.Topology.RecoveryRegion);
        Assert.Equal("ap-northeast-1", services.Aws.Options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), services.Aws.Options.EndpointUrl);
        services.Aws.Dispose();
    }

    [Fact]
    public void Load_InvalidDrAndAwsVariables_ReportsEveryProblemInOneConfigurationException()
    {
        var variables = TestConfiguration.Variables();
        variables.Remove("DR_PRIMARY_REGION");
        variables["AWS_MAX_ATTEMPTS"] = "many";

        var error = Assert.Throws<ConfigurationException>(() => FunctionServices.Load(Init(variables)));

        Assert.Contains(error.Problems, problem => problem.Contains("DR_PRIMARY_REGION", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.Contains("AWS_MAX_ATTEMPTS", StringComparison.Ordinal));
    }

    private static LambdaInitContext Init(Dictionary<string, string?> variables)
    {
        var time = new FakeTimeProvider();
        var sink = new JsonLineSink(Stream.Null);
        return new LambdaInitContext(
            new DictionaryEnvironment(variables),
            time,
            new JsonLineLogger(sink, time, LambdaLogLevel.Info),
            new EmfMetricsWriter(sink, time, "DrLambdas"),
            new FunctionIdentity("drlambdas-test", "$LATEST", 128));
    }

    private sealed class DictionaryEnvironment(Dictionary<string, string?> variables) : ILambdaEnvironment
    {
        public string? GetVariable(string name) => variables.GetValueOrDefault(name);

        public void SetVariable(string name, string? value) => variables[name] = value;
    }
}
