using DrLambdas.HealthValidator.Tests.Support;

namespace DrLambdas.HealthValidator.Tests.Operations;

/// <summary>The game day's result on the dashboard: a dry run writes <c>DryRuns</c> with the action it decided.</summary>
public sealed class AssessDryRunMetricTests : IDisposable
{
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Assess_DryRun_WritesDryRunsWithTheDecidedAction()
    {
        var result = await _world.AssessAsync(ValidatorWorld.ManualDocument("dry-run"));

        var dryRun = Assert.Single(_world.Context.Metric("DryRuns"));
        Assert.Equal(result.Decision.Action.ToString(), dryRun.GetProperty("Action").GetString());
        Assert.Equal(1, dryRun.GetProperty("DryRuns").GetDouble());
    }

    [Fact]
    public async Task Assess_NotADryRun_WritesNoDryRunsMetric()
    {
        await _world.AssessAsync(ValidatorWorld.ManualDocument("switchover"));

        Assert.Empty(_world.Context.Metric("DryRuns"));
    }
}
