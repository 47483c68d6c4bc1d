using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class BackoffTests
{
    private static AwsBackoff Backoff(double jitter) => new(new AwsClientOptions
    {
        Region = "ap-northeast-1",
        BaseDelay = TimeSpan.FromMilliseconds(100),
        ThrottlingBaseDelay = TimeSpan.FromMilliseconds(500),
        MaxBackoff = TimeSpan.FromSeconds(20),
        Jitter = () => jitter,
    });

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    public void Delay_FullJitterAtOne_IsExponentialCeiling(int retryIndex, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff(1.0).Delay(retryIndex, throttled: false));

    [Fact]
    public void Delay_Throttled_UsesThrottlingBase() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1000), Backoff(1.0).Delay(1, throttled: true));

    [Fact]
    public void Delay_ManyRetries_IsCappedAtMaxBackoff() =>
        Assert.Equal(TimeSpan.FromSeconds(20), Backoff(1.0).Delay(40, throttled: true));

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 200)]
    public void Delay_Jitter_ScalesTheWholeCeiling(double jitter, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff(jitter).Delay(3, throttled: false));
}
