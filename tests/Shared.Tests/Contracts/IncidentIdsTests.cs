using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Incident ids are <c>dr-&lt;execution name&gt;</c>; the execution section carries only what <c>$$.Execution</c> gives.</summary>
public class IncidentIdsTests
{
    [Fact]
    public void ForExecution_ExecutionName_PrefixesDr()
    {
        Assert.Equal("dr-exec-20261126-0000", IncidentIds.ForExecution("exec-20261126-0000"));
    }

    [Fact]
    public void Prefix_FailbackMachineFormat_BuildsTheSameId()
    {
        // The failback machine has no assessment: it builds the incident id itself.
        Assert.Contains("States.Format('" + IncidentIds.Prefix + "{}', $.execution.name)", RepositoryFiles.ReadText("statemachine/failback.asl.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ForExecution_BlankName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => IncidentIds.ForExecution(name));
    }

    [Fact]
    public void ForExecution_NullName_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => IncidentIds.ForExecution(null!));
    }

    [Fact]
    public void ExecutionReferenceIncidentId_NamedExecution_IsDrPrefixedName()
    {
        var execution = new ExecutionReference("arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:manual-1", "manual-1", ContractSamples.T0);

        Assert.Equal("dr-manual-1", execution.IncidentId);
    }

    [Fact]
    public void Write_ExecutionReference_OmitsDerivedIncidentId()
    {
        var json = ContractJson.Write(new ExecutionReference("arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:manual-1", "manual-1", ContractSamples.T0));

        ContractAssert.JsonEqual(
            """{"id":"arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:manual-1","name":"manual-1","startTime":"2026-11-26T00:00:00.000Z"}""",
            json);
    }

    [Fact]
    public void Read_ExecutionReferenceWithIncidentId_DerivesItFromName()
    {
        var json = new JsonObject { ["id"] = "arn:x", ["name"] = "manual-1", ["startTime"] = "2026-11-26T00:00:00Z", ["incidentId"] = "dr-other" };

        var execution = ContractJson.Read<ExecutionReference>(json);

        Assert.Equal("dr-manual-1", execution.IncidentId);
    }
}
