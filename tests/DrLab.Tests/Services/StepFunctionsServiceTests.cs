using System.Text.Json;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class StepFunctionsServiceTests
{
    private const string Definition = """{"StartAt":"Assess","States":{"Assess":{"Type":"Succeed"}}}""";
    private const string Role = "arn:aws:iam::111122223333:role/drlambdas-failover";
    private static readonly StepFunctionsService States = new();

    [Fact]
    public void StartExecution_NoStateMachineCreated_StateMachineDoesNotExist()
    {
        var lab = new LabFixture();
        var arn = lab.Definition.StateMachineArn(LabFixture.Secondary, "dr-failover");

        var error = Assert.Throws<LabError>(() => lab.Json(States, LabFixture.Secondary, "StartExecution", $$"""{"stateMachineArn":"{{arn}}"}"""));

        Assert.Equal("StateMachineDoesNotExist", error.Code);
    }

    [Fact]
    public void CreateStateMachine_ThenStartExecution_RunsOnTheCreatedMachine()
    {
        var lab = new LabFixture();

        var arn = Create(lab, "drlambdas-failover", Definition);
        lab.Json(States, LabFixture.Secondary, "StartExecution", $$"""{"stateMachineArn":"{{arn}}","name":"first"}""");

        Assert.Equal("arn:aws:states:ap-northeast-1:111122223333:stateMachine:drlambdas-failover", arn);
        Assert.Equal("first", Assert.Single(lab.Run(s => s.Executions.List(arn, null))).Name);
    }

    [Fact]
    public void CreateStateMachine_SameNameOtherDefinition_StateMachineAlreadyExists()
    {
        var lab = new LabFixture();
        Create(lab, "m", Definition);
        Assert.Equal(Create(lab, "m", Definition), lab.Definition.StateMachineArn(LabFixture.Secondary, "m"));

        var error = Assert.Throws<LabError>(() => Create(lab, "m", """{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}"""));

        Assert.Equal("StateMachineAlreadyExists", error.Code);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"StartAt":"Missing","States":{"A":{"Type":"Succeed"}}}""")]
    public void CreateStateMachine_InvalidDefinition_InvalidDefinition(string definition)
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => Create(lab, "m", definition));

        Assert.Equal("InvalidDefinition", error.Code);
        Assert.Empty(lab.World.Deployment.StateMachines);
    }

    [Fact]
    public void Reset_CreatedStateMachine_SurvivesWithoutItsExecutions()
    {
        var lab = new LabFixture();
        var arn = Create(lab, "m", Definition);
        lab.Json(States, LabFixture.Secondary, "StartExecution", $$"""{"stateMachineArn":"{{arn}}"}""");

        lab.World.Reset();

        var described = JsonDocument.Parse(lab.Json(States, LabFixture.Secondary, "DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""").Body);
        Assert.Equal(Role, described.RootElement.GetProperty("roleArn").GetString());
        Assert.Empty(lab.Run(s => s.Executions.All));
    }

    private static string Create(LabFixture lab, string name, string definition)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name, ["definition"] = definition, ["roleArn"] = Role });
        var reply = lab.Json(States, LabFixture.Secondary, "CreateStateMachine", body);
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("stateMachineArn").GetString()!;
    }
}
