using DrLambdas.Aws.Route53;
using DrLambdas.DnsUpdater.Tests.Support;
using DrLambdas.Errors;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests;

public sealed class ApplyOperationTests : IDisposable
{
    private readonly DnsWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Apply_WeightsDiffer_SendsOneBatchForThePair()
    {
        var result = await _world.ApplyAsync(0, 100);

        var batch = Assert.Single(_world.Batches);
        Assert.Equal(
            [(ChangeAction.Delete, "tpe"), (ChangeAction.Create, "tpe"), (ChangeAction.Delete, "nrt"), (ChangeAction.Create, "nrt")],
            batch.Changes.Select(change => (change.Action, change.RecordSet.SetIdentifier)));
        Assert.Equal(["/change/C1"], result.ChangeIds);
        Assert.Equal(ChangePropagation.Pending, result.Status);
        Assert.Equal(0, result.Unchanged);
        Assert.Equal(DnsWorld.T0, result.SubmittedAt);
        Assert.Equal([new WeightChange("tpe", 70, 0), new WeightChange("nrt", 30, 100)], result.Changed);
    }

    [Fact]
    public async Task Apply_Batch_DeletesTheExactRecordsReadAndCreatesThemWithOnlyTheWeightChanged()
    {
        await _world.ApplyAsync(0, 100);

        var changes = Assert.Single(_world.Batches).Changes;
        Assert.Equal(DnsWorld.Taiwan, changes[0].RecordSet);
        Assert.Equal(DnsWorld.Taiwan with { Weight = 0 }, changes[1].RecordSet);
        Assert.Equal(DnsWorld.Tokyo, changes[2].RecordSet);
        Assert.Equal(DnsWorld.Tokyo with { Weight = 100 }, changes[3].RecordSet);
        Assert.Equal(DnsWorld.Tokyo.AliasTarget, changes[3].RecordSet.AliasTarget);
        Assert.Equal(NrtHealthCheckId, changes[3].RecordSet.HealthCheckId);
        Assert.Equal(TpeHealthCheckId, changes[1].RecordSet.HealthCheckId);
        Assert.Equal(60, changes[1].RecordSet.Ttl);
    }

    [Fact]
    public async Task Apply_OneWeightChanges_StillSwapsBothRecordsSoAConcurrentChangeToEitherFailsTheBatch()
    {
        var result = await _world.ApplyAsync(0, 30);

        var changes = Assert.Single(_world.Batches).Changes;
        Assert.Equal(DnsWorld.Tokyo, changes[2].RecordSet);
        Assert.Equal(DnsWorld.Tokyo, changes[3].RecordSet);
        Assert.Equal([new WeightChange("tpe", 70, 0)], result.Changed);
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task Apply_BatchComment_NamesTheIncidentAndTheChangedWeights()
    {
        await _world.ApplyAsync(0, 100);

        Assert.Equal("DrLambdas incident dr-42: tpe 70 -> 0, nrt 30 -> 100", _world.Batches[0].Comment);
        _world.Route53.Verify(client => client.ChangeResourceRecordSetsAsync(HostedZoneId, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Apply_LongIncidentId_CommentTruncatedToRoute53sLimit()
    {
        var incidentId = new string('x', 400);

        await _world.InvokeAsync(
            $$"""{"operation":"apply","incidentId":"{{incidentId}}","desiredWeights":[{"setIdentifier":"tpe","region":"{{Tpe}}","weight":0}]}""",
            ContractsJsonContext.Default.DnsChangeResponse);

        Assert.Equal(PairChange.MaxCommentLength, Assert.Single(_world.Batches).Comment!.Length);
    }

    [Fact]
    public void Plan_CommentCutInsideASurrogatePair_KeepsThePairWhole()
    {
        var incidentId = new string('x', PairChange.MaxCommentLength - "DrLambdas incident ".Length - 1) + "\U0001F525";

        var comment = PairChange.Plan([DnsWorld.Taiwan, DnsWorld.Tokyo], [new("tpe", Tpe, 0)], incidentId).Batch!.Comment!;

        Assert.Equal(PairChange.MaxCommentLength - 1, comment.Length);
        Assert.False(char.IsHighSurrogate(comment[^1]));
    }

    [Fact]
    public async Task Apply_PartialWeightsLeavingBothAtZero_ThrowsInputValidationWithoutAnyChange()
    {
        _world.Records[1] = DnsWorld.Tokyo with { Weight = 0 };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"apply","incidentId":"dr-42","desiredWeights":[{"setIdentifier":"tpe","region":"{{Tpe}}","weight":0}]}""",
            ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Equal("desiredWeights", error.Field);
        Assert.Contains("tpe 70 -> 0, nrt 0 -> 0", error.Problem, StringComparison.Ordinal);
        _world.VerifyNoChangeSubmitted();
    }

    [Fact]
    public async Task Apply_PartialWeightsAgainstANonZeroOther_ChangesOnlyThatWeight()
    {
        var result = await _world.InvokeAsync(
            $$"""{"operation":"apply","incidentId":"dr-42","desiredWeights":[{"setIdentifier":"nrt","region":"{{Nrt}}","weight":0}]}""",
            ContractsJsonContext.Default.DnsChangeResponse);

        Assert.Equal([new WeightChange("nrt", 30, 0)], result.Changed);
        Assert.Equal(0, result.Unchanged);
        Assert.Equal([70L, 70L, 30L, 0L], Assert.Single(_world.Batches).Changes.Select(change => change.RecordSet.Weight!.Value));
    }

    [Fact]
    public async Task Apply_RecordOwnedByATrafficPolicy_ThrowsConfigurationException()
    {
        _world.Records[0] = DnsWorld.Taiwan with { TrafficPolicyInstanceId = "12345678-abcd-abcd-abcd-123456789012" };

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _world.ApplyAsync(0, 100));

        Assert.Contains("traffic policy instance", error.Message, StringComparison.Ordinal);
        _world.VerifyNoChangeSubmitted();
    }

    [Fact]
    public async Task Apply_AllRecordsAlreadyAsDesired_ChangesNothing()
    {
        var result = await _world.ApplyAsync(70, 30);

        _world.VerifyNoChangeSubmitted();
        Assert.Empty(result.ChangeIds);
        Assert.Equal(ChangePropagation.InSync, result.Status);
        Assert.Empty(result.Changed!);
        Assert.Equal(2, result.Unchanged);
        Assert.Equal(DnsWorld.T0, result.SubmittedAt);
    }

    [Fact]
    public async Task Apply_SecondCallWithTheSameWeights_SubmitsNoBatch()
    {
        await _world.ApplyAsync(0, 100);
        _world.Records.Clear();
        _world.Records.AddRange([DnsWorld.Taiwan with { Weight = 0 }, DnsWorld.Tokyo with { Weight = 100 }]);
        _world.Batches.Clear();

        var again = await _world.ApplyAsync(0, 100);

        Assert.Empty(_world.Batches);
        Assert.Empty(again.ChangeIds);
    }

    [Fact]
    public async Task Apply_RecordChangedMeanwhile_ThrowsConflict()
    {
        _world.Route53.Setup(client => client.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(DnsWorld.InvalidChangeBatch());

        var error = await Assert.ThrowsAsync<ConflictException>(() => _world.ApplyAsync(0, 100));

        Assert.Contains("changed since they were read (tpe=70, nrt=30)", error.Message, StringComparison.Ordinal);
        Assert.IsType<DrLambdas.Aws.AwsServiceException>(error.InnerException);
    }

    [Fact]
    public async Task Apply_ManagedRecordMissing_ThrowsConfigurationException()
    {
        _world.Records.RemoveAll(record => record.SetIdentifier == "nrt");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _world.ApplyAsync(0, 100));

        Assert.Contains("'nrt'", error.Message, StringComparison.Ordinal);
        _world.VerifyNoChangeSubmitted();
    }

    [Fact]
    public async Task Apply_RecordWithoutWeight_ThrowsConfigurationException()
    {
        _world.Records[0] = DnsWorld.Taiwan with { Weight = null };

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _world.ApplyAsync(0, 100));

        Assert.Contains("not a weighted record", error.Message, StringComparison.Ordinal);
        _world.VerifyNoChangeSubmitted();
    }

    [Fact]
    public async Task Apply_Weights_EmittedPerRegionForTheDashboard()
    {
        await _world.ApplyAsync(0, 100);

        var weights = _world.Context.Metric("RecordWeight")
            .Select(record => (record.GetProperty("Region").GetString(), record.GetProperty("RecordWeight").GetDouble()))
            .ToList();
        Assert.Equal([(Tpe, 0d), (Nrt, 100d)], weights);
    }

    [Fact]
    public async Task Apply_Changes_AreLoggedAndCounted()
    {
        await _world.ApplyAsync(0, 100);

        Assert.Equal(
            ["/change/C1", "/change/C1"],
            _world.Context.LogRecords.Where(record => record.TryGetProperty("changeId", out _)).Select(record => record.GetProperty("changeId").GetString()));
        Assert.All(_world.Context.LogRecords, record => Assert.Equal("dr-42", record.GetProperty("incidentId").GetString()));
        Assert.Equal(2, Assert.Single(_world.Context.Metric("DnsRecordChanges")).GetProperty("DnsRecordChanges").GetDouble());
    }

    [Theory]
    [InlineData("""[]""", "desiredWeights")]
    [InlineData("""[{"setIdentifier":"fra","region":"eu-central-1","weight":10}]""", "desiredWeights[0].setIdentifier")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-northeast-1","weight":10}]""", "desiredWeights[0].region")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-east-2","weight":256}]""", "desiredWeights[0].weight")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-east-2","weight":-1}]""", "desiredWeights[0].weight")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-east-2","weight":1},{"setIdentifier":"tpe","region":"ap-east-2","weight":2}]""", "desiredWeights[1].setIdentifier")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-east-2","weight":0},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":0}]""", "desiredWeights")]
    public async Task Apply_InvalidDesiredWeights_ThrowsInputValidationWithoutAnyRoute53Call(string weights, string field)
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"apply","incidentId":"dr-42","desiredWeights":{{weights}}}""", ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Equal(field, error.Field);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("""[null]""", "desiredWeights[0]")]
    [InlineData("""[{"setIdentifier":"tpe","region":"ap-east-2","weight":0},null]""", "desiredWeights[1]")]
    [InlineData("""[{"setIdentifier":null,"region":"ap-east-2","weight":0}]""", "$.desiredWeights[0].setIdentifier")]
    [InlineData("""[{"setIdentifier":" ","region":"ap-east-2","weight":0}]""", "desiredWeights[0].setIdentifier")]
    public async Task Apply_NullOrBlankDesiredWeight_ThrowsInputValidationWithoutAnyRoute53Call(string weights, string field)
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"apply","incidentId":"dr-42","desiredWeights":{{weights}}}""", ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Equal(field, error.Field);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Apply_WeightMissing_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            """{"operation":"apply","incidentId":"dr-42","desiredWeights":[{"setIdentifier":"tpe","region":"ap-east-2"}]}""",
            ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Apply_BlankIncidentId_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            """{"operation":"apply","incidentId":" ","desiredWeights":[{"setIdentifier":"tpe","region":"ap-east-2","weight":0}]}""",
            ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Equal("incidentId", error.Field);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Route_UnknownOperation_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.InvokeAsync("""{"operation":"upsert"}""", ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Equal("'upsert' is not an operation of DnsUpdater; expected one of apply, status, associate", error.Problem);
        _world.Route53.VerifyNoOtherCalls();
    }
}
