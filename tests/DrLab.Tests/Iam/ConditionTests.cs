using DrLambdas.DrLab.Iam;
using static DrLambdas.DrLab.Tests.Iam.Policies;

namespace DrLambdas.DrLab.Tests.Iam;

public class ConditionTests
{
    private static string Allow(string condition) =>
        $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{{condition}}}}}""";

    private static Decision TagKeys(string condition, params string[]? tagKeys) =>
        Decide(Allow(condition), tagKeys is null ? Request("iam:TagUser") : Request("iam:TagUser", "*", ("aws:TagKeys", tagKeys)));

    // The IAM User Guide's multivalued context key examples use aws:TagKeys against ["environment","cost-center"].
    private const string ForAllValues = """{"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""";
    private const string ForAnyValue = """{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""";

    [Fact]
    public void ForAllValues_EveryRequestValueListed_IsTrue() =>
        Assert.Equal(Decision.Allowed, TagKeys(ForAllValues, "environment", "cost-center"));

    [Fact]
    public void ForAllValues_OneRequestValueNotListed_IsFalse() =>
        Assert.Equal(Decision.ImplicitDeny, TagKeys(ForAllValues, "environment", "project"));

    [Fact]
    public void ForAllValues_KeyMissing_IsTrue() =>
        Assert.Equal(Decision.Allowed, TagKeys(ForAllValues, null));

    [Fact]
    public void ForAllValues_KeyEmpty_IsTrue() =>
        Assert.Equal(Decision.Allowed, TagKeys(ForAllValues));

    [Fact]
    public void ForAnyValue_OneRequestValueListed_IsTrue() =>
        Assert.Equal(Decision.Allowed, TagKeys(ForAnyValue, "environment", "project"));

    [Fact]
    public void ForAnyValue_NoRequestValueListed_IsFalse() =>
        Assert.Equal(Decision.ImplicitDeny, TagKeys(ForAnyValue, "project"));

    [Fact]
    public void ForAnyValue_KeyMissing_IsFalse() =>
        Assert.Equal(Decision.ImplicitDeny, TagKeys(ForAnyValue, null));

    [Fact]
    public void ForAllValuesStringLike_WildcardValues_MatchEachRequestValue() =>
        Assert.Equal(Decision.Allowed, TagKeys("""{"ForAllValues:StringLike":{"aws:TagKeys":"Created*"}}""", "CreatedBy", "CreatedAt"));

    [Fact]
    public void ForAllValuesNegated_EachRequestValueMustMatchNoPolicyValue()
    {
        const string condition = """{"ForAllValues:StringNotEquals":{"aws:TagKeys":["owner","secret"]}}""";

        Assert.Equal(Decision.Allowed, TagKeys(condition, "environment", "project"));
        Assert.Equal(Decision.ImplicitDeny, TagKeys(condition, "environment", "secret"));
    }

    [Fact]
    public void MultipleKeysInOneOperator_AreAnded()
    {
        var policy = Allow("""{"StringEquals":{"aws:RequestedRegion":"ap-east-2","aws:PrincipalAccount":"111122223333"}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]), ("aws:PrincipalAccount", ["111122223333"]))));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]), ("aws:PrincipalAccount", ["444455556666"]))));
    }

    [Fact]
    public void MultipleOperators_AreAnded()
    {
        var policy = Allow("""{"StringEquals":{"aws:RequestedRegion":"ap-east-2"},"Bool":{"aws:SecureTransport":true}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]), ("aws:SecureTransport", ["true"]))));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]), ("aws:SecureTransport", ["false"]))));
    }

    [Fact]
    public void MultipleValuesForOneKey_AreOred()
    {
        var policy = Allow("""{"StringEquals":{"aws:RequestedRegion":["ap-east-2","ap-northeast-1"]}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-northeast-1"]))));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["us-east-1"]))));
    }

    [Fact]
    public void NegatedOperatorWithSeveralValues_IsNor()
    {
        var policy = Allow("""{"StringNotEquals":{"aws:RequestedRegion":["ap-east-2","ap-northeast-1"]}}""");

        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]))));
        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["us-east-1"]))));
    }

    [Fact]
    public void MissingKey_PositiveOperatorFalse_NegatedOperatorTrue()
    {
        Assert.Equal(Decision.ImplicitDeny, Decide(Allow("""{"StringEquals":{"aws:RequestedRegion":"ap-east-2"}}"""), Request("sns:Publish")));
        Assert.Equal(Decision.Allowed, Decide(Allow("""{"StringNotEquals":{"aws:RequestedRegion":"ap-east-2"}}"""), Request("sns:Publish")));
    }

    [Fact]
    public void IfExists_MissingKeyIsTrue_PresentKeyIsTested()
    {
        var policy = Allow("""{"StringEqualsIfExists":{"kms:ViaService":"sns.ap-east-2.amazonaws.com"}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("kms:Decrypt")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("kms:Decrypt", "*", ("kms:ViaService", ["s3.ap-east-2.amazonaws.com"]))));
    }

    [Fact]
    public void Null_TrueMeansAbsent_FalseMeansPresent()
    {
        Assert.Equal(Decision.Allowed, Decide(Allow("""{"Null":{"aws:TokenIssueTime":"true"}}"""), Request("ec2:RunInstances")));
        Assert.Equal(Decision.ImplicitDeny, Decide(Allow("""{"Null":{"aws:TokenIssueTime":"false"}}"""), Request("ec2:RunInstances")));
    }

    [Fact]
    public void StringEqualsIgnoreCase_IgnoresCase_StringEqualsDoesNot()
    {
        var request = Request("sns:Publish", "*", ("aws:RequestedRegion", ["AP-EAST-2"]));

        Assert.Equal(Decision.Allowed, Decide(Allow("""{"StringEqualsIgnoreCase":{"aws:RequestedRegion":"ap-east-2"}}"""), request));
        Assert.Equal(Decision.ImplicitDeny, Decide(Allow("""{"StringEquals":{"aws:RequestedRegion":"ap-east-2"}}"""), request));
    }

    [Fact]
    public void StringNotLike_RefusesMatchingValues()
    {
        var policy = Allow("""{"StringNotLike":{"aws:RequestedRegion":"us-*"}}""");

        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["us-east-1"]))));
        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:RequestedRegion", ["ap-east-2"]))));
    }

    [Fact]
    public void NumericLessThan_ComparesNumbers()
    {
        var policy = Allow("""{"NumericLessThan":{"s3:max-keys":"10"}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("s3:ListBucket", "*", ("s3:max-keys", ["9"]))));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("s3:ListBucket", "*", ("s3:max-keys", ["10"]))));
    }

    [Fact]
    public void ArnLike_ComparesEachArnComponent()
    {
        var policy = Allow("""{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/dr-*"}}""");

        Assert.Equal(Decision.Allowed, Decide(policy, Request("sns:Publish", "*", ("aws:PrincipalArn", ["arn:aws:iam::111122223333:role/dr-updater"]))));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Request("sns:Publish", "*", ("aws:PrincipalArn", ["arn:aws:iam::444455556666:role/dr-updater"]))));
    }

    [Fact]
    public void DnsUpdaterPolicyOfTheTemplate_UpsertOnly_DeniesDeleteAndCreate()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":{"Sid":"UpsertManagedRecordsOnly","Effect":"Allow",
              "Action":"route53:ChangeResourceRecordSets","Resource":"arn:aws:route53:::hostedzone/Z0DRLAB",
              "Condition":{"ForAllValues:StringEquals":{
                "route53:ChangeResourceRecordSetsNormalizedRecordNames":["api.example.com"],
                "route53:ChangeResourceRecordSetsRecordTypes":["A"],
                "route53:ChangeResourceRecordSetsActions":["UPSERT"]}}}}
            """;
        AuthorizationRequest Batch(params string[] actions) => Request("route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/Z0DRLAB",
            ("route53:ChangeResourceRecordSetsNormalizedRecordNames", ["api.example.com"]),
            ("route53:ChangeResourceRecordSetsRecordTypes", ["A"]),
            ("route53:ChangeResourceRecordSetsActions", actions));

        Assert.Equal(Decision.Allowed, Decide(policy, Batch("UPSERT")));
        Assert.Equal(Decision.ImplicitDeny, Decide(policy, Batch("DELETE", "CREATE")));
    }
}
