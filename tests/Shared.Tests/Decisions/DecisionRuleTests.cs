using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Tests.Decisions;

public class DecisionRuleTests
{
    public static TheoryData<string> CaseNames => new(DecisionRuleCases.Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decide_RuleTable_ActionMatches(string caseName)
    {
        var rule = DecisionRuleCases.Cases[caseName];

        var decision = rule.Arrange().Decide();

        Assert.Equal(rule.Action, decision.Action);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decide_RuleTable_ReasonsInEvaluationOrder(string caseName)
    {
        var rule = DecisionRuleCases.Cases[caseName];

        var decision = rule.Arrange().Decide();

        Assert.Equal(rule.Codes, decision.Reasons.Select(reason => reason.Code));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decide_RuleTable_ForcedOnlyWhenAGateWasOverridden(string caseName)
    {
        var rule = DecisionRuleCases.Cases[caseName];

        var decision = rule.Arrange().Decide();

        Assert.Equal(rule.Codes.Contains(ReasonCode.ForcedOverride), decision.Forced);
    }
}
