namespace DrLambdas.HealthValidator.Sources;

/// <summary>Observer labels of signals that are not made from a Region.</summary>
internal static class Observers
{
    /// <summary>Route 53's health checkers, spread around the world: outside both Regions.</summary>
    public const string Route53 = "route53-global";
}
