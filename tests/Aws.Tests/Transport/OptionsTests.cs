using DrLambdas.Errors;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class OptionsTests
{
    private static AwsClientOptions FromVariables(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return AwsClientOptions.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void FromEnvironment_RegionOnly_UsesStandardDefaults()
    {
        var options = FromVariables(("AWS_REGION", "ap-northeast-1"));

        Assert.Equal(("ap-northeast-1", 3, (Uri?)null), (options.Region, options.MaxAttempts, options.EndpointUrl));
        Assert.Empty(options.ServiceEndpointUrls);
    }

    [Fact]
    public void FromEnvironment_OnlyDefaultRegion_FallsBackToIt() =>
        Assert.Equal("ap-east-2", FromVariables(("AWS_DEFAULT_REGION", "ap-east-2")).Region);

    [Fact]
    public void FromEnvironment_MaxAttempts_IsRead() =>
        Assert.Equal(5, FromVariables(("AWS_REGION", "ap-east-2"), ("AWS_MAX_ATTEMPTS", "5")).MaxAttempts);

    [Fact]
    public void FromEnvironment_SeveralProblems_ReportsAllAtOnce()
    {
        var error = Assert.Throws<ConfigurationException>(() => FromVariables(
            ("AWS_ENDPOINT_URL", "localhost:4566"), ("AWS_ENDPOINT_URL_SFN", "ftp://x"), ("AWS_MAX_ATTEMPTS", "0")));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("AWS_REGION is not set", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("AWS_ENDPOINT_URL 'localhost:4566'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("AWS_ENDPOINT_URL_SFN 'ftp://x'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("AWS_MAX_ATTEMPTS '0'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tokyo")]
    [InlineData("ap_northeast_1")]
    [InlineData("ap-northeast")]
    public void FromEnvironment_MalformedRegion_Throws(string region) =>
        Assert.Throws<ConfigurationException>(() => FromVariables(("AWS_REGION", region)));

    [Fact]
    public void Factory_InvalidHandBuiltOptions_ThrowsConfigurationException()
    {
        var options = new AwsClientOptions { Region = "ap-east-2", MaxAttempts = 0, AttemptTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ConfigurationException>(() => new AwsClientFactory(options));

        Assert.Equal(2, error.Problems.Count);
    }
}
