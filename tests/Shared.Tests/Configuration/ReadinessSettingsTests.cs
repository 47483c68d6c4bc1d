using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Configuration;

public class ReadinessSettingsTests
{
    [Fact]
    public void Load_NothingSet_NoTopicNoParametersAnd35Days()
    {
        Assert.Equal(ReadinessSettings.None, TestEnvironment.Default.Readiness);
        Assert.Equal(TimeSpan.FromDays(35), TestEnvironment.Default.Readiness.MaxExerciseAge);
    }

    [Fact]
    public void Load_AllSet_ReadsEachSetting()
    {
        var readiness = TestEnvironment.Configuration(variables =>
        {
            variables[Env.AlertTopicArn] = "arn:aws:sns:ap-northeast-1:111122223333:dr-alerts";
            variables[Env.FailbackStateMachineArn] = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failback";
            variables[Env.ReadinessParameterName] = "/drlambdas/dr/readiness";
            variables[Env.ReadinessMaxExerciseAgeDays] = "14";
        }).Readiness;

        Assert.Equal(
            new ReadinessSettings(
                "arn:aws:sns:ap-northeast-1:111122223333:dr-alerts",
                "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failback",
                "/drlambdas/dr/readiness",
                TimeSpan.FromDays(14)),
            readiness);
    }

    [Fact]
    public void Load_InvalidReadinessVariables_ListsEachProblem()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(variables =>
        {
            variables[Env.AlertTopicArn] = "dr-alerts";
            variables[Env.ReadinessParameterName] = "/drlambdas/dr readiness";
            variables[Env.ReadinessMaxExerciseAgeDays] = "0";
        }));

        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.AlertTopicArn + ": must be an SNS topic ARN", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.ReadinessParameterName + ": must be a fully qualified SSM parameter name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.ReadinessMaxExerciseAgeDays + ": must be between 1 and 3650", StringComparison.Ordinal));
    }
}
