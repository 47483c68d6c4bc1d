using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.Tests.Control;

public class ReadyDocumentsTests
{
    private static readonly string[] WorldVariables =
    [
        "DR_PRIMARY_REGION", "DR_SECONDARY_REGION", "DR_GLOBAL_CLUSTER_ID", "DR_PRIMARY_CLUSTER_ARN", "DR_SECONDARY_CLUSTER_ARN",
        "DR_HOSTED_ZONE_ID", "DR_RECORD_NAME", "DR_RECORD_TYPE", "DR_PRIMARY_SET_IDENTIFIER", "DR_SECONDARY_SET_IDENTIFIER",
        "DR_NORMAL_WEIGHTS", "DR_PRIMARY_HEALTH_URL", "DR_SECONDARY_HEALTH_URL", "DR_PRIMARY_HEALTH_CHECK_ID",
        "DR_SECONDARY_HEALTH_CHECK_ID", "DR_ALARM_NAMES", "DR_SECONDARY_ALARM_NAMES", "DR_STATE_MACHINE_ARN",
    ];

    [Fact]
    public void Build_FastProfile_PointsClientsAtLabAndScalesTiming()
    {
        var lab = new LabFixture(TimeProfile.Fast);

        var ready = ReadyDocuments.Build("http://127.0.0.1:5000", lab.World, LabFixture.Secondary);

        Assert.All(WorldVariables, name => Assert.False(string.IsNullOrEmpty(ready.Env[name]), name));
        Assert.Equal("http://127.0.0.1:5000", ready.Env["AWS_ENDPOINT_URL"]);
        Assert.Equal("AKIDDRLAB", ready.Env["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(LabFixture.Secondary, ready.Env["AWS_REGION"]);
        Assert.Equal("http://127.0.0.1:5000/app/ap-east-2/actuator/health", ready.Env["DR_PRIMARY_HEALTH_URL"]);
        Assert.Equal("1", ready.Env["DR_HEALTH_CHECK_INTERVAL_SECONDS"]);
        Assert.Equal("2", ready.Env["DR_PROMOTION_ESTIMATE_SECONDS"]);
        Assert.Equal("70,30", ready.Env["DR_NORMAL_WEIGHTS"]);
    }

    [Fact]
    public void Build_Default_ExposesTheMetricIngestionDelayInModelSeconds()
    {
        var lab = new LabFixture(TimeProfile.Fast);

        var ready = ReadyDocuments.Build("http://127.0.0.1:5000", lab.World, LabFixture.Secondary);

        Assert.Equal(5, ready.MetricIngestionDelaySeconds);
    }
}
