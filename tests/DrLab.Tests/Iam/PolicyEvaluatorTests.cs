using DrLambdas.DrLab.Iam;
using static DrLambdas.DrLab.Tests.Iam.Policies;

namespace DrLambdas.DrLab.Tests.Iam;

public class PolicyEvaluatorTests
{
    // The IAM User Guide's "difference between explicit and implicit denies" example.
    private const string AllowGetListDenyReports = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AllowGetList","Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"},
          {"Sid":"DenyReports","Effect":"Deny","Action":"iam:*Report","Resource":"*"}]}
        """;

    [Fact]
    public void Evaluate_DocumentedExample_AllowsGetAndList()
    {
        var result = PolicyEvaluator.Evaluate(Of(AllowGetListDenyReports), Request("iam:GetUser"));

        Assert.Equal(Decision.Allowed, result.Decision);
        Assert.Equal("AllowGetList", result.Statement?.Sid);
    }

    [Fact]
    public void Evaluate_DocumentedExample_ExplicitDenyBeatsTheAllow()
    {
        var result = PolicyEvaluator.Evaluate(Of(AllowGetListDenyReports), Request("iam:GetOrganizationsAccessReport"));

        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Equal("DenyReports", result.Statement?.Sid);
    }

    [Fact]
    public void Evaluate_DocumentedExample_OtherActionsAreImplicitlyDenied()
    {
        var result = PolicyEvaluator.Evaluate(Of(AllowGetListDenyReports), Request("iam:CreatePolicy"));

        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Null(result.Statement);
    }

    [Fact]
    public void Evaluate_DenyInAnotherPolicy_WinsOverAnAllow()
    {
        IReadOnlyList<NamedPolicy> policies =
        [
            new("allow", PolicyParser.Parse("""{"Statement":{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}}""")),
            new("deny", PolicyParser.Parse("""{"Statement":{"Effect":"Deny","Action":"sns:*","Resource":"arn:aws:sns:*:*:secret"}}""")),
        ];

        Assert.Equal(Decision.ExplicitDeny, PolicyEvaluator.Evaluate(policies, Request("sns:Publish", "arn:aws:sns:ap-east-2:111122223333:secret")).Decision);
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Evaluate(policies, Request("sns:Publish", "arn:aws:sns:ap-east-2:111122223333:open")).Decision);
    }

    [Fact]
    public void Evaluate_ActionNames_MatchCaseInsensitively()
    {
        const string policy = """{"Statement":{"Effect":"Allow","Action":"route53:changeresourcerecordsets","Resource":"*"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("route53:ChangeResourceRecordSets")));
    }

    [Fact]
    public void Evaluate_QuestionMarkWildcard_MatchesOneCharacter()
    {
        const string policy = """{"Statement":{"Effect":"Allow","Action":"rds:Describe?BClusters","Resource":"*"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("rds:DescribeDBClusters")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("rds:DescribeGlobalClusters")));
    }

    [Fact]
    public void Evaluate_NotAction_AllowsEverythingButTheListedActions()
    {
        // The IAM User Guide's NotAction example: everything except IAM.
        const string policy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("s3:GetObject")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("iam:CreateUser")));
    }

    [Fact]
    public void Evaluate_NotResource_AppliesToEveryOtherResource()
    {
        const string policy = """{"Statement":{"Effect":"Deny","Action":"sns:Publish","NotResource":"arn:aws:sns:*:111122223333:dr-*"}}""";

        Assert.Equal(Decision.ExplicitDeny, Decide(policy, Request("sns:Publish", "arn:aws:sns:ap-east-2:111122223333:other")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "arn:aws:sns:ap-east-2:111122223333:dr-alerts")));
    }

    [Fact]
    public void Evaluate_ResourceArns_MatchCaseSensitively()
    {
        const string policy = """{"Statement":{"Effect":"Allow","Action":"route53:*","Resource":"arn:aws:route53:::hostedzone/Z0DRLAB"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("route53:GetHostedZone", "arn:aws:route53:::hostedzone/Z0DRLAB")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("route53:GetHostedZone", "arn:aws:route53:::hostedzone/z0drlab")));
    }

    [Fact]
    public void Evaluate_WildcardInsideASegment_DoesNotCrossColons()
    {
        const string policy = """{"Statement":{"Effect":"Allow","Action":"states:DescribeExecution","Resource":"arn:aws:states:*:111122223333:execution:dr*x:*"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("states:DescribeExecution", "arn:aws:states:ap-east-2:111122223333:execution:dr-fx:run-1")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("states:DescribeExecution", "arn:aws:states:ap-east-2:111122223333:execution:dr:x:run-1")));
    }

    [Fact]
    public void Evaluate_WildcardEndingASegment_ExpandsAcrossColons()
    {
        const string policy = """{"Statement":{"Effect":"Allow","Action":"states:DescribeExecution","Resource":"arn:aws:states:ap-east-2:111122223333:execution:*"}}""";

        Assert.Equal(Decision.Allowed, Decide(policy, Request("states:DescribeExecution", "arn:aws:states:ap-east-2:111122223333:execution:machine:run-1")));
    }
}
