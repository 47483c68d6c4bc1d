namespace DrLambdas.Shared.Configuration;

/// <summary>When and how traffic returns to the primary Region.</summary>
/// <param name="RequiredHealthyChecks">Consecutive healthy checks required.</param>
/// <param name="CheckInterval">Spacing of those checks.</param>
/// <param name="StepShares">The primary's percentage share at each gradual step, increasing.</param>
/// <param name="BakeTime">Bake time after each step.</param>
public sealed record FailbackPolicy(
    int RequiredHealthyChecks,
    TimeSpan CheckInterval,
    IReadOnlyList<int> StepShares,
    TimeSpan BakeTime);
