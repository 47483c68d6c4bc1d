using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>verify</c> input: <c>{"operation":"verify","document":{…the whole execution document…}}</c>.</summary>
public class VerifyRequestTests
{
    private static readonly Dictionary<string, ChangePropagation> Route53Statuses = new(StringComparer.Ordinal)
    {
        ["PENDING"] = ChangePropagation.Pending,
        ["INSYNC"] = ChangePropagation.InSync,
    };

    private static VerifyRequest ReadSample(Action<JsonObject>? changeDocument = null) =>
        ContractJson.Read<VerifyRequest>(SampleEvents.With(SampleEvents.Verify, request => changeDocument?.Invoke(request["document"]!.AsObject())));

    [Fact]
    public void Read_SampleEvent_ReadsTheAssessmentDecision()
    {
        var expected = SampleEvents.At(SampleEvents.Load(SampleEvents.Verify), "document.assessment.decision");

        var decision = ReadSample().Document.Assessment.Decision;

        Assert.Equal(Enum.Parse<DecisionAction>(SampleEvents.Text(expected, "action")), decision.Action);
        Assert.Equal(SampleEvents.Text(expected, "targetClusterArn"), decision.TargetClusterArn);
    }

    [Fact]
    public void Read_SampleEvent_ReadsThePromotionStatusOutput()
    {
        var expected = SampleEvents.At(SampleEvents.Load(SampleEvents.Verify), "document.actions.promotion");

        var promotion = ReadSample().Document.Actions?.Promotion;

        Assert.Equal(
            new PromotionReport(
                SampleEvents.Text(expected, "targetClusterArn"),
                SampleEvents.Instant(expected, "startedAt"),
                Outcome: null,
                Enum.Parse<PromotionState>(SampleEvents.Text(expected, "status")),
                SampleEvents.At(expected, "elapsedSeconds").GetValue<double>(),
                SampleEvents.Text(expected, "writerEndpoint"),
                SampleEvents.Text(expected, "detail")),
            promotion);
    }

    [Fact]
    public void Read_SampleEvent_ReadsTheDnsOutput()
    {
        var expected = SampleEvents.At(SampleEvents.Load(SampleEvents.Verify), "document.actions.dns");

        var dns = ReadSample().Document.Actions?.Dns;

        Assert.NotNull(dns);
        Assert.Equal(Route53Statuses[SampleEvents.Text(expected, "status")], dns.Status);
        Assert.Equal(SampleEvents.Texts(expected, "changeIds"), dns.ChangeIds);
        Assert.Equal(SampleEvents.Instant(expected, "submittedAt"), dns.SubmittedAt);
    }

    [Fact]
    public void Read_DocumentAfterActions_ExecutionIncidentIdMatchesAssessment()
    {
        var request = new JsonObject { ["operation"] = "verify", ["document"] = RepositoryFiles.ReadObject("events/statemachine/document-after-actions.json") };

        var document = ContractJson.Read<VerifyRequest>(request).Document;

        Assert.Equal(document.Assessment.IncidentId, document.Execution.IncidentId);
    }

    [Fact]
    public void Read_DocumentWithOtherSections_IgnoresThem()
    {
        var request = ReadSample(document =>
        {
            document["report"] = new JsonObject { ["outcome"] = "Recovered" };
            document["failedStep"] = "Verify";
            document["error"] = new JsonObject { ["Error"] = "States.Timeout", ["Cause"] = "…" };
        });

        Assert.Equal(ChangePropagation.InSync, request.Document.Actions?.Dns?.Status);
    }

    [Fact]
    public void Read_DrainWithoutDatabaseBranchOutput_PromotionIsNull()
    {
        // The database branch of a DrainSecondary returns {}, so JsonMerge leaves only the dns section.
        var request = ReadSample(document => document["actions"]!.AsObject().Remove("promotion"));

        Assert.Null(request.Document.Actions?.Promotion);
        Assert.NotNull(request.Document.Actions?.Dns);
    }

    [Fact]
    public void Read_DocumentWithoutActions_ActionsIsNull()
    {
        var request = ReadSample(document => document.Remove("actions"));

        Assert.Null(request.Document.Actions);
    }

    [Fact]
    public void Read_PromotionStartOutput_ReadsOutcomeWithoutStatus()
    {
        var request = ReadSample(document => document["actions"]!["promotion"] = ContractJson.Write(ContractSamples.PromotionStart(PromotionOutcome.AlreadyPrimary)));

        Assert.Equal(PromotionOutcome.AlreadyPrimary, request.Document.Actions?.Promotion?.Outcome);
        Assert.Null(request.Document.Actions?.Promotion?.Status);
    }

    [Theory]
    [InlineData("execution")]
    [InlineData("assessment")]
    public void Read_DocumentSectionMissing_ThrowsJsonException(string section)
    {
        var json = SampleEvents.With(SampleEvents.Verify, request => request["document"]!.AsObject().Remove(section));

        Assert.Throws<JsonException>(() => ContractJson.Read<VerifyRequest>(json));
    }

    [Fact]
    public void Read_AssessmentWithUnknownDecisionAction_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.Verify, request => request["document"]!["assessment"]!["decision"]!["action"] = "Reboot");

        Assert.Throws<JsonException>(() => ContractJson.Read<VerifyRequest>(json));
    }
}
