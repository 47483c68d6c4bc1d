using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Domain;

public class EvidenceTests
{
    public static TheoryData<SignalKind, Verdict, string> Signals => new()
    {
        { SignalKind.Probe, Verdict.Unhealthy, "probe:ap-northeast-1→ap-east-2 unhealthy: d" },
        { SignalKind.Route53HealthCheck, Verdict.Healthy, "route53:ap-northeast-1→ap-east-2 healthy: d" },
        { SignalKind.Alarm, Verdict.Unknown, "alarm:ap-northeast-1→ap-east-2 unknown: d" },
        { SignalKind.DatabaseEndpoint, Verdict.Unhealthy, "database:ap-northeast-1→ap-east-2 unhealthy: d" },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void Of_Signal_KindObserverRegionVerdictDetail(SignalKind kind, Verdict verdict, string expected)
    {
        Assert.Equal(expected, Evidence.Of(Signal(kind, Tpe, Nrt, verdict, "d")));
    }

    [Fact]
    public void Of_GlobalOperationWithoutDataLoss_SaysSo()
    {
        Assert.Equal(
            $"global-operation: switching-over {TpeArn} → {NrtArn} without data loss",
            Evidence.Of(new GlobalOperation("switching-over", TpeArn, NrtArn, false)));
    }

    [Fact]
    public void Of_ReplicationWithoutTime_SaysTimeUnknown()
    {
        Assert.Equal("rpo-lag: 0.25 s (measurement time unknown)", Evidence.Of(new ReplicationStatus(TimeSpan.FromMilliseconds(250), null)));
    }
}
