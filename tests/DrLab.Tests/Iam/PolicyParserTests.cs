using DrLambdas.DrLab.Iam;

namespace DrLambdas.DrLab.Tests.Iam;

public class PolicyParserTests
{
    [Fact]
    public void Parse_StatementAsObjectAndStringValues_ReadsOneStatement()
    {
        var document = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":{"Sid":"One","Effect":"Deny","Action":"sns:Publish","Resource":"*"}}""");

        var statement = Assert.Single(document.Statements);
        Assert.Equal(("One", PolicyEffect.Deny), (statement.Sid, statement.Effect));
        Assert.Equal(["sns:Publish"], statement.Actions.Patterns);
        Assert.False(statement.Actions.Negated);
    }

    [Fact]
    public void Parse_NotActionAndNotResource_AreNegatedLists()
    {
        var statement = PolicyParser.Parse("""{"Statement":[{"Effect":"Allow","NotAction":["iam:*","sts:*"],"NotResource":"arn:aws:sns:*:*:x"}]}""").Statements[0];

        Assert.True(statement.Actions.Negated);
        Assert.True(statement.Resources.Negated);
        Assert.Equal(2, statement.Actions.Patterns.Count);
    }

    [Fact]
    public void Parse_ConditionBooleansAndNumbers_BecomeStrings()
    {
        var statement = PolicyParser.Parse("""
            {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":[10,20]}}}}
            """).Statements[0];

        Assert.Equal(["false"], statement.Conditions[0].Values);
        Assert.Equal(["10", "20"], statement.Conditions[1].Values);
    }

    [Fact]
    public void Parse_EveryProblem_IsReportedAtOnce()
    {
        var error = Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse("""
            {"Version":"2020-01-01","Statement":[
              {"Effect":"Permit","Action":"sns:Publish","NotAction":"sns:*","Resource":"*"},
              {"Effect":"Allow","Principal":"*","Action":"sns:Publish","Resource":"topic"},
              {"Effect":"Allow","Action":"sns:Publish","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}]}
            """));

        Assert.Contains(error.Problems, p => p.StartsWith("Version", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Statement[0].Effect", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("exactly one of Action and NotAction", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("no Principal element", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("must be in ARN format", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'StringEqualz' is not a condition operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingStatement_IsRefused() =>
        Assert.Contains("Statement is required.", Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse("""{"Version":"2012-10-17"}""")).Problems);

    [Fact]
    public void Parse_NullWithIfExists_IsRefused() =>
        Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse(
            """{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}}"""));

    [Fact]
    public void Parse_NumericOperatorWithText_IsRefused() =>
        Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse(
            """{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"k":"ten"}}}}"""));

    [Fact]
    public void Parse_PolicyVariablesInVersion2012_AreRefusedAsUnsupported() =>
        Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:iam::111122223333:user/${aws:username}"}}"""));

    [Fact]
    public void Parse_DuplicateSids_AreRefused() =>
        Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse(
            """{"Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]}"""));

    [Fact]
    public void Parse_NotJson_IsRefused() =>
        Assert.Throws<PolicyDocumentException>(() => PolicyParser.Parse("{"));
}
