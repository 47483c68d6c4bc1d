using System.Net;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.DnsUpdater.Tests.Support;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests;

public sealed class AssociateOperationTests
{
    private const string NewTpeCheck = "5f0c1d2e-3a4b-4c5d-8e6f-00000000000a";
    private const string NewNrtCheck = "5f0c1d2e-3a4b-4c5d-8e6f-00000000000b";

    private static readonly ResourceRecordSet BareTaiwan = DnsWorld.Taiwan with { Weight = 0, HealthCheckId = null };

    private static readonly ResourceRecordSet BareTokyo = DnsWorld.Tokyo with { Weight = 100, HealthCheckId = null };

    [Fact]
    public async Task Associate_RecordsWithoutHealthChecks_GatesBothInOneBatchKeepingTheWeights()
    {
        var zone = new AtomicZone([BareTaiwan, BareTokyo]);

        var result = await ApplyRunner.AssociateAsync(zone);

        Assert.Single(zone.Applied);
        Assert.Equal(TpeHealthCheckId, zone.Records.WithSetIdentifier("tpe")!.HealthCheckId);
        Assert.Equal(NrtHealthCheckId, zone.Records.WithSetIdentifier("nrt")!.HealthCheckId);
        Assert.Equal(0, zone.WeightOf("tpe"));
        Assert.Equal(100, zone.WeightOf("nrt"));
        Assert.Equal([new HealthCheckAssociation("tpe", null, TpeHealthCheckId), new HealthCheckAssociation("nrt", null, NrtHealthCheckId)], result.Changed);
        Assert.Equal(["/change/C1"], result.ChangeIds);
        Assert.Equal(ChangePropagation.Pending, result.Status);
    }

    [Fact]
    public async Task Associate_SecondRun_ChangesNothing()
    {
        var zone = new AtomicZone([BareTaiwan, BareTokyo]);
        await ApplyRunner.AssociateAsync(zone);

        var again = await ApplyRunner.AssociateAsync(zone);

        Assert.Single(zone.Applied);
        Assert.Empty(again.ChangeIds);
        Assert.Empty(again.Changed);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(ChangePropagation.InSync, again.Status);
    }

    [Fact]
    public async Task Associate_OnlyOneRecordDiffers_BatchSwapsOnlyThatRecord()
    {
        var zone = new AtomicZone([DnsWorld.Taiwan, BareTokyo]);

        var result = await ApplyRunner.AssociateAsync(zone);

        var batch = Assert.Single(zone.Applied);
        Assert.Equal([(ChangeAction.Delete, "nrt"), (ChangeAction.Create, "nrt")], batch.Changes.Select(change => (change.Action, change.RecordSet.SetIdentifier)));
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task Associate_Batch_DeletesTheRecordsAsReadAndCreatesThemWithOnlyTheHealthCheckChanged()
    {
        var zone = new AtomicZone([BareTaiwan, BareTokyo]);

        await ApplyRunner.AssociateAsync(zone);

        var changes = Assert.Single(zone.Applied).Changes;
        Assert.Equal(BareTaiwan, changes[0].RecordSet);
        Assert.Equal(BareTaiwan with { HealthCheckId = TpeHealthCheckId }, changes[1].RecordSet);
        Assert.Equal(BareTokyo, changes[2].RecordSet);
        Assert.Equal(BareTokyo with { HealthCheckId = NrtHealthCheckId }, changes[3].RecordSet);
    }

    [Fact]
    public async Task Associate_AliasRecordToALoadBalancer_KeepsTheAliasTargetAndEvaluateTargetHealth()
    {
        var zone = new AtomicZone([DnsWorld.Taiwan, BareTokyo]);

        await ApplyRunner.AssociateAsync(zone);

        var tokyo = zone.Records.WithSetIdentifier("nrt")!;
        Assert.Equal(new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com.", true), tokyo.AliasTarget);
        Assert.Null(tokyo.Ttl);
        Assert.Empty(tokyo.ResourceRecords);
    }

    [Fact]
    public async Task Associate_NewHealthCheckIds_RepointsTheRecordsFromTheOldChecks()
    {
        var zone = new AtomicZone([DnsWorld.Taiwan, DnsWorld.Tokyo]);
        var configuration = Load(variables =>
        {
            variables[EnvironmentVariables.PrimaryHealthCheckId] = NewTpeCheck;
            variables[EnvironmentVariables.SecondaryHealthCheckId] = NewNrtCheck;
        });

        var result = await ApplyRunner.AssociateAsync(zone, configuration);

        Assert.Equal([new HealthCheckAssociation("tpe", TpeHealthCheckId, NewTpeCheck), new HealthCheckAssociation("nrt", NrtHealthCheckId, NewNrtCheck)], result.Changed);
        Assert.Equal(70, zone.WeightOf("tpe"));
        Assert.Equal(30, zone.WeightOf("nrt"));
    }

    [Fact]
    public async Task Associate_HealthCheckIdNotConfigured_ThrowsConfigurationExceptionAndChangesNothing()
    {
        var zone = new AtomicZone([BareTaiwan, BareTokyo]);
        var configuration = Load(variables => variables[EnvironmentVariables.SecondaryHealthCheckId] = null);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => ApplyRunner.AssociateAsync(zone, configuration));

        Assert.Contains("DR_SECONDARY_HEALTH_CHECK_ID not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(zone.Applied);
    }

    [Fact]
    public async Task Associate_RecordChangedSinceRead_ThrowsConflictAndChangesNothing()
    {
        var zone = new AtomicZone([BareTaiwan, BareTokyo]);
        zone.AfterList = () => zone.AfterList = () => { };
        zone.BeforeChange = async () =>
        {
            zone.BeforeChange = () => Task.CompletedTask;
            await ApplyRunner.ApplyAsync(zone, [("tpe", 50), ("nrt", 50)]);
        };

        await Assert.ThrowsAsync<ConflictException>(() => ApplyRunner.AssociateAsync(zone));

        Assert.Null(zone.Records.WithSetIdentifier("tpe")!.HealthCheckId);
        Assert.Equal(50, zone.WeightOf("tpe"));
    }

    [Fact]
    public async Task Associate_Route53KnowsNoSuchHealthCheck_ThrowsConfigurationException()
    {
        using var world = new DnsWorld();
        world.Records.Clear();
        world.Records.AddRange([BareTaiwan, BareTokyo]);
        world.Route53.Setup(client => client.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsServiceException("Route 53", "ChangeResourceRecordSets", "NoSuchHealthCheck",
                $"A health check with the ID {TpeHealthCheckId} does not exist.", "req-1", HttpStatusCode.NotFound, false));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            world.InvokeAsync("""{"operation":"associate"}""", ContractsJsonContext.Default.DnsAssociateResponse));

        Assert.Contains(TpeHealthCheckId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Associate_BatchComment_NamesWhoRanItAndEachRepointing()
    {
        var zone = new AtomicZone([DnsWorld.Taiwan, BareTokyo]);

        await ApplyRunner.AssociateAsync(zone);

        Assert.Equal($"DrLambdas associate health checks (deploy-pipeline): nrt none -> {NrtHealthCheckId}", zone.Applied[0].Comment);
    }

    [Fact]
    public async Task Associate_UnknownField_ThrowsInputValidationAndChangesNothing()
    {
        using var world = new DnsWorld();

        await Assert.ThrowsAsync<InputValidationException>(() =>
            world.InvokeAsync("""{"operation":"associate","weights":[]}""", ContractsJsonContext.Default.DnsAssociateResponse));

        world.VerifyNoChangeSubmitted();
    }
}
