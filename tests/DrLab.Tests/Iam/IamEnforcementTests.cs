using System.Net;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.StepFunctions;

namespace DrLambdas.DrLab.Tests.Iam;

/// <summary>Calls with the project's own clients against the running lab, as deployed roles.</summary>
public sealed class IamEnforcementTests(RunningLab lab) : IClassFixture<RunningLab>
{
    private const string Zone = RunningLab.HostedZoneId;

    private static string DnsUpdaterPolicy(string actions) => """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"ChangeManagedRecordsOnly","Effect":"Allow","Action":"route53:ChangeResourceRecordSets",
           "Resource":"arn:aws:route53:::hostedzone/ZONE",
           "Condition":{"ForAllValues:StringEquals":{
             "route53:ChangeResourceRecordSetsNormalizedRecordNames":["api.example.com"],
             "route53:ChangeResourceRecordSetsRecordTypes":["A"],
             "route53:ChangeResourceRecordSetsActions":ACTIONS}}},
          {"Sid":"ReadRecords","Effect":"Allow","Action":"route53:ListResourceRecordSets","Resource":"arn:aws:route53:::hostedzone/ZONE"}]}
        """.Replace("ZONE", Zone, StringComparison.Ordinal).Replace("ACTIONS", actions, StringComparison.Ordinal);

    /// <summary>DELETE of the exact current primary record + CREATE with a new weight, as DnsUpdater sends it.</summary>
    private static async Task<ChangeBatch> ReweightBatchAsync(IRoute53Client route53)
    {
        var page = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(Zone, "api.example.com.", "A", "tpe", 1));
        var current = Assert.Single(page.RecordSets);
        return new ChangeBatch(
        [
            new ResourceRecordSetChange(ChangeAction.Delete, current),
            new ResourceRecordSetChange(ChangeAction.Create, current with { Weight = 60 }),
        ]);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_TemplateUpsertOnlyPolicy_DeniesDeleteCreateBatch()
    {
        await lab.ResetAsync();
        var keys = await lab.DeployAsync(("dns-updater", DnsUpdaterPolicy("[\"UPSERT\"]")));
        var route53 = lab.Clients(keys["dns-updater"]).Route53;

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await route53.ChangeResourceRecordSetsAsync(Zone, await ReweightBatchAsync(route53)));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(
            "User: arn:aws:sts::111122223333:assumed-role/dns-updater/drlab is not authorized to perform: route53:ChangeResourceRecordSets "
            + $"on resource: arn:aws:route53:::hostedzone/{Zone} because no identity-based policy allows the route53:ChangeResourceRecordSets action",
            error.ErrorMessage);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_PolicyAllowsDeleteAndCreate_IsApplied()
    {
        await lab.ResetAsync();
        var keys = await lab.DeployAsync(("dns-updater", DnsUpdaterPolicy("[\"DELETE\",\"CREATE\"]")));
        var route53 = lab.Clients(keys["dns-updater"]).Route53;

        var change = await route53.ChangeResourceRecordSetsAsync(Zone, await ReweightBatchAsync(route53));

        Assert.Equal(ChangeStatus.Pending, change.Status);
    }

    [Fact]
    public async Task DeniedCall_IsLoggedAsAccessDeniedWithThePrincipal()
    {
        await lab.ResetAsync();
        var keys = await lab.DeployAsync(("dns-updater", DnsUpdaterPolicy("[\"UPSERT\"]")));
        var route53 = lab.Clients(keys["dns-updater"]).Route53;
        await Assert.ThrowsAsync<AwsServiceException>(async () => await route53.ChangeResourceRecordSetsAsync(Zone, await ReweightBatchAsync(route53)));

        var entry = Assert.Single(await lab.RequestsAsync("AccessDenied"));

        Assert.Equal("ChangeResourceRecordSets", entry.GetProperty("operation").GetString());
        Assert.Equal(RunningLab.AccountRole + "dns-updater", entry.GetProperty("principal").GetString());
        Assert.Equal(403, entry.GetProperty("httpStatus").GetInt32());
    }

    [Fact]
    public async Task RequestedRegionCondition_DeniesOtherRegions()
    {
        var keys = await lab.DeployAsync(("reader", """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"rds:DescribeDBClusters","Resource":"*",
              "Condition":{"StringEquals":{"aws:RequestedRegion":"ap-northeast-1"}}}}
            """));
        var rds = lab.Clients(keys["reader"]).Rds;

        var here = await rds.DescribeDbClustersAsync(region: "ap-northeast-1");
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => rds.DescribeDbClustersAsync(region: "ap-east-2"));

        Assert.Single(here);
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains("on resource: arn:aws:rds:ap-east-2:111122223333:cluster:*", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitDeny_WinsOverAllowAll_WithStepFunctionsError()
    {
        var machine = await lab.CreateStateMachineAsync("dr-iam-deny");
        var keys = await lab.DeployAsync(("operator", """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Everything","Effect":"Allow","Action":"states:*","Resource":"*"},
              {"Sid":"NoStarts","Effect":"Deny","Action":"states:StartExecution","Resource":"MACHINE"}]}
            """.Replace("MACHINE", machine, StringComparison.Ordinal)));
        var states = lab.Clients(keys["operator"]).StepFunctions;

        var listed = await states.ListExecutionsAsync(new ListExecutionsRequest(machine));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => states.StartExecutionAsync(machine, "{}"));

        Assert.NotNull(listed);
        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.EndsWith("with an explicit deny in an identity-based policy", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnsPublish_WithoutPermission_IsAuthorizationError()
    {
        var keys = await lab.DeployAsync(("silent", """{"Statement":{"Effect":"Allow","Action":"sns:ListTopics","Resource":"*"}}"""));
        var sns = lab.Clients(keys["silent"]).Sns;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sns.PublishAsync(
            new SnsPublishRequest("arn:aws:sns:ap-northeast-1:111122223333:dr-notifications", "hello")));

        Assert.Equal("AuthorizationError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task DescribeAlarms_OnlyOtherAlarmsAllowed_IsAccessDeniedOnTheNamedAlarm()
    {
        var keys = await lab.DeployAsync(("watcher", """
            {"Statement":{"Effect":"Allow","Action":"cloudwatch:DescribeAlarms","Resource":"arn:aws:cloudwatch:*:111122223333:alarm:app-*"}}
            """));
        var cloudWatch = lab.Clients(keys["watcher"]).CloudWatch;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloudWatch.DescribeAlarmsAsync(["drlab-ap-east-2-unhealthy"]));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains("arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:drlab-ap-east-2-unhealthy", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministrativeIdentity_IsAllowedEverything()
    {
        await lab.DeployAsync(("nobody", """{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"""));
        var admin = lab.AdminClients();

        var clusters = await admin.Rds.DescribeGlobalClustersAsync();

        Assert.Single(clusters);
    }

    [Fact]
    public async Task ReplacedRoles_OldKeyIsUnknown()
    {
        var old = await lab.DeployAsync(("gone", """{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"""));
        await lab.DeployAsync(("kept", """{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lab.Clients(old["gone"]).Rds.DescribeGlobalClustersAsync());

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }
}
