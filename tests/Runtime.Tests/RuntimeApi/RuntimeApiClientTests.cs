using DrLambdas.Runtime.RuntimeApi;

namespace DrLambdas.Runtime.Tests.RuntimeApi;

public sealed class RuntimeApiClientTests
{
    [Fact]
    public void BaseAddressFor_HostAndPort_AppendsApiVersion() =>
        Assert.Equal(new Uri("http://127.0.0.1:9001/2018-06-01/"), RuntimeApiClient.BaseAddressFor("127.0.0.1:9001"));

    [Theory]
    [InlineData("127.0.0.1:9001/extra")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("   ")]
    public void BaseAddressFor_NotHostAndPort_Throws(string address) =>
        Assert.ThrowsAny<ArgumentException>(() => RuntimeApiClient.BaseAddressFor(address));
}
