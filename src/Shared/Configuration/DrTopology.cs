namespace DrLambdas.Shared.Configuration;

/// <summary>The two Regions, the global database and where the functions run.</summary>
/// <param name="Primary">The primary Region.</param>
/// <param name="Secondary">The secondary Region.</param>
/// <param name="GlobalClusterId">The Aurora global cluster identifier.</param>
/// <param name="RecoveryRegion">The Region the functions run in (<c>AWS_REGION</c>); its own
/// observations of the other Region alone never prove that Region down.</param>
public sealed record DrTopology(
    RegionSite Primary,
    RegionSite Secondary,
    string GlobalClusterId,
    string RecoveryRegion)
{
    /// <summary>Both Regions, primary first.</summary>
    public IReadOnlyList<RegionSite> Sites => [Primary, Secondary];

    /// <summary>The site of <paramref name="region"/>, or null when it is not managed here.</summary>
    public RegionSite? Find(string? region) =>
        Sites.FirstOrDefault(site => string.Equals(site.Region, region, StringComparison.Ordinal));

    /// <summary>The site of the other managed Region than <paramref name="site"/>.</summary>
    public RegionSite Other(RegionSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return string.Equals(site.Region, Primary.Region, StringComparison.Ordinal) ? Secondary : Primary;
    }
}
