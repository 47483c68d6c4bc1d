using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.Control;

namespace DrLambdas.DrLab.Tests.Iam;

/// <summary>PUT/GET /_lab/iam/roles and POST /_lab/iam/simulate on the running lab.</summary>
public sealed class IamControlEndpointTests(RunningLab lab) : IClassFixture<RunningLab>
{
    private const string Orchestration = RunningLab.AccountRole + "orchestration";
    private const string FunctionArn = "arn:aws:lambda:ap-northeast-1:111122223333:function:dr-dns-updater";

    private static readonly string OrchestrationPolicy = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"InvokeTheFunctions","Effect":"Allow","Action":"lambda:InvokeFunction","Resource":["FUNCTION","FUNCTION:*"]},
          {"Sid":"NotInTokyoOnSundays","Effect":"Deny","Action":"lambda:InvokeFunction","Resource":"*",
           "Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}]}
        """.Replace("FUNCTION", FunctionArn, StringComparison.Ordinal);

    private async Task<HttpResponseMessage> PutAsync(string body) =>
        await lab.Control.PutAsync(new Uri("/_lab/iam/roles", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<JsonElement> SimulateAsync(string body)
    {
        using var response = await lab.Control.PostAsync(new Uri("/_lab/iam/simulate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task PutRoles_ValidRole_AnswersOneKeyPairPerRole()
    {
        var keys = await lab.DeployAsync(("orchestration", OrchestrationPolicy), ("validator", """{"Statement":{"Effect":"Allow","Action":"rds:Describe*","Resource":"*"}}"""));

        Assert.Equal(2, keys.Count);
        Assert.All(keys.Values, k => Assert.Matches("^AKIA[A-Z2-7]{16}$", k.AccessKeyId));
        Assert.NotEqual(keys["orchestration"].AccessKeyId, keys["validator"].AccessKeyId);
    }

    [Fact]
    public async Task PutRoles_InvalidDocument_Answers400WithEveryProblemAndKeepsTheRoles()
    {
        await lab.DeployAsync(("orchestration", OrchestrationPolicy));

        using var response = await PutAsync("""
            {"roles":[{"arn":"arn:aws:iam::111122223333:role/broken","policies":[{"name":"p","document":{"Statement":{"Effect":"Maybe","Action":"sns:Publish"}}}]},
                      {"arn":"arn:aws:iam::111122223333:user/not-a-role","policies":[]}]}
            """);
        var error = await response.Content.ReadFromJsonAsync(IamJsonContext.Default.ControlErrorDocument);
        var roles = await lab.Control.GetFromJsonAsync(new Uri("/_lab/iam/roles", UriKind.Relative), IamJsonContext.Default.RoleListDocument);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRoles", error!.Error);
        Assert.Equal(3, error.Messages.Count);
        Assert.Equal([Orchestration], roles!.Roles.Select(r => r.Arn));
    }

    [Fact]
    public async Task Roles_SurviveReset()
    {
        var keys = await lab.DeployAsync(("orchestration", OrchestrationPolicy));

        await lab.ResetAsync();
        var roles = await lab.Control.GetFromJsonAsync(new Uri("/_lab/iam/roles", UriKind.Relative), IamJsonContext.Default.RoleListDocument);

        var role = Assert.Single(roles!.Roles);
        Assert.Equal((Orchestration, keys["orchestration"].AccessKeyId), (role.Arn, role.AccessKeyId));
    }

    [Fact]
    public async Task Simulate_AllowedAction_NamesTheStatement()
    {
        await lab.DeployAsync(("orchestration", OrchestrationPolicy));

        var result = await SimulateAsync($$$"""
            {"principal":"{{{Orchestration}}}","action":"lambda:InvokeFunction","resource":"{{{FunctionArn}}}","context":{"aws:RequestedRegion":["ap-northeast-1"]}}
            """);

        Assert.Equal("allowed", result.GetProperty("decision").GetString());
        Assert.Equal("InvokeTheFunctions", result.GetProperty("matchedStatement").GetString());
    }

    [Fact]
    public async Task Simulate_DenyStatementMatches_IsExplicitDeny()
    {
        await lab.DeployAsync(("orchestration", OrchestrationPolicy));

        var result = await SimulateAsync($$$"""
            {"principal":"{{{Orchestration}}}","action":"lambda:InvokeFunction","resource":"{{{FunctionArn}}}","context":{"aws:RequestedRegion":"us-east-1"}}
            """);

        Assert.Equal("explicitDeny", result.GetProperty("decision").GetString());
        Assert.Equal("NotInTokyoOnSundays", result.GetProperty("matchedStatement").GetString());
    }

    [Fact]
    public async Task Simulate_NoStatementMatches_IsImplicitDenyWithoutStatement()
    {
        await lab.DeployAsync(("orchestration", OrchestrationPolicy));

        var result = await SimulateAsync($$$"""{"principal":"{{{Orchestration}}}","action":"events:PutEvents","resource":"*"}""");

        Assert.Equal("implicitDeny", result.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("matchedStatement").ValueKind);
    }

    [Fact]
    public async Task Simulate_UnknownPrincipal_Is404()
    {
        using var response = await lab.Control.PostAsync(new Uri("/_lab/iam/simulate", UriKind.Relative), new StringContent(
            $$$"""{"principal":"{{{RunningLab.AccountRole}}}nobody","action":"sns:Publish","resource":"*"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
