using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Tests.Domain;

public class SignalSourcesTests
{
    [Fact]
    public void KindOfAlarm_Route53HealthCheckStatus_IsTheRoute53Kind()
    {
        Assert.Equal(SignalKind.Route53HealthCheck, SignalSources.KindOfAlarm("AWS/Route53", "HealthCheckStatus"));
    }

    [Fact]
    public void KindOfAlarm_ProbeMetric_IsTheProbeKind()
    {
        Assert.Equal(SignalKind.Probe, SignalSources.KindOfAlarm("DrLambdas/Probes", "EndpointHealthy"));
    }

    [Theory]
    [InlineData("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")]
    [InlineData("AWS/Route53", "HealthCheckPercentageHealthy")]
    [InlineData(null, null)]
    public void KindOfAlarm_AnyOtherMetric_IsAnAlarm(string? metricNamespace, string? metricName)
    {
        Assert.Equal(SignalKind.Alarm, SignalSources.KindOfAlarm(metricNamespace, metricName));
    }
}
