using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class HostedZoneTests
{
    private static ResourceRecordSet Weighted(string setIdentifier, long weight, string address, string healthCheckId) =>
        new("api.example.com.", "A", setIdentifier, weight, 60, [address], null, healthCheckId, null, null);

    private static ResourceRecordSet CurrentTpe(LabFixture lab) =>
        Weighted("tpe", 70, "192.0.2.10", lab.Definition.HealthCheckIds[LabFixture.Primary]);

    private static ChangeRecord Apply(LabFixture lab, params RecordChange[] changes) =>
        lab.Run(s => s.Zone.Apply(changes, "test", s.Now, s.Conditions));

    [Fact]
    public void Apply_DeleteThenCreate_ReplacesTheWeightAtomically()
    {
        var lab = new LabFixture();
        var current = CurrentTpe(lab);

        Apply(lab, new RecordChange("DELETE", current), new RecordChange("CREATE", current with { Weight = 0 }));

        Assert.Contains(lab.Run(s => s.Zone.Weights()), w => w.SetIdentifier == "tpe" && w.Weight == 0);
    }

    [Fact]
    public void Apply_DeleteWithStaleValues_ThrowsInvalidChangeBatchAndChangesNothing()
    {
        var lab = new LabFixture();
        var stale = CurrentTpe(lab) with { Weight = 50 };

        var error = Assert.Throws<LabError>(() =>
            Apply(lab, new RecordChange("DELETE", stale), new RecordChange("CREATE", stale with { Weight = 0 })));

        Assert.Equal("InvalidChangeBatch", error.Code);
        Assert.Contains("values provided do not match the current values", error.Message, StringComparison.Ordinal);
        Assert.Contains(lab.Run(s => s.Zone.Weights()), w => w.SetIdentifier == "tpe" && w.Weight == 70);
        Assert.Empty(lab.Run(s => s.Zone.Changes));
    }

    [Fact]
    public void Apply_CreateExisting_ThrowsInvalidChangeBatch()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => Apply(lab, new RecordChange("CREATE", CurrentTpe(lab))));

        Assert.Equal("InvalidChangeBatch", error.Code);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WeightAbove255_ThrowsInvalidInput()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => Apply(lab, new RecordChange("UPSERT", CurrentTpe(lab) with { Weight = 256 })));

        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public void Apply_UnknownHealthCheck_ThrowsNoSuchHealthCheck()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => Apply(lab, new RecordChange("UPSERT", CurrentTpe(lab) with { HealthCheckId = "nope" })));

        Assert.Equal("NoSuchHealthCheck", error.Code);
    }

    [Fact]
    public void Apply_RecordOutsideZone_ThrowsInvalidChangeBatch()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() =>
            Apply(lab, new RecordChange("UPSERT", CurrentTpe(lab) with { Name = "api.example.org." })));

        Assert.Equal("InvalidChangeBatch", error.Code);
    }

    [Fact]
    public void Change_AfterPropagationTime_IsInsync()
    {
        var lab = new LabFixture();
        var change = Apply(lab, new RecordChange("UPSERT", CurrentTpe(lab) with { Weight = 0 }));

        lab.Advance(59);
        Assert.Equal("PENDING", lab.Run(s => change.StatusAt(s.Now)));
        lab.Advance(1);

        Assert.Equal("INSYNC", lab.Run(s => change.StatusAt(s.Now)));
    }

    [Fact]
    public void Change_SlowDnsPropagationFault_StaysPendingFactorTimesLonger()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.SlowDnsPropagation, 0, null, Factor: 4));
        var change = Apply(lab, new RecordChange("UPSERT", CurrentTpe(lab) with { Weight = 0 }));

        lab.Advance(239);
        Assert.Equal("PENDING", lab.Run(s => change.StatusAt(s.Now)));
        lab.Advance(1);

        Assert.Equal("INSYNC", lab.Run(s => change.StatusAt(s.Now)));
    }
}
