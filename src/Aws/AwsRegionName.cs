using System.Text.RegularExpressions;

namespace DrLambdas.Aws;

/// <summary>Validation of AWS Region names such as <c>ap-east-2</c> or <c>us-gov-west-1</c>.</summary>
public static partial class AwsRegionName
{
    /// <summary>True when <paramref name="region"/> has the shape of a Region name.</summary>
    public static bool IsValid(string? region) => region is not null && RegionPattern().IsMatch(region);

    /// <summary>Returns <paramref name="region"/> when valid.</summary>
    /// <exception cref="ArgumentException">The name is not a Region name.</exception>
    public static string Require(string region, string parameterName) =>
        IsValid(region) ? region : throw new ArgumentException($"'{region}' is not a Region name such as ap-northeast-1.", parameterName);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
