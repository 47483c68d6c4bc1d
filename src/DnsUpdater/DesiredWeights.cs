using System.Globalization;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater;

/// <summary>Validates the weights an <c>apply</c> asks for against the managed records.</summary>
internal static class DesiredWeights
{
    /// <summary>The desired weights, each checked: a managed set identifier in its own Region, 0–255, once.</summary>
    /// <exception cref="InputValidationException">The list is empty, or a weight is null, unknown, duplicated, out of range or all zero.</exception>
    public static IReadOnlyList<RecordWeight> Validate(IReadOnlyList<RecordWeight> desired, DrTopology topology)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(topology);
        if (desired.Count == 0)
        {
            throw new InputValidationException("desiredWeights", "must name at least one record");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < desired.Count; index++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"desiredWeights[{index}]");

            // The serializer does not hold list elements to their nullability: `[null]` arrives as a null entry.
            var weight = desired[index] ?? throw new InputValidationException(field, "must be a weight object, got null");
            if (string.IsNullOrWhiteSpace(weight.SetIdentifier))
            {
                throw new InputValidationException(field + ".setIdentifier", "must not be empty");
            }

            var site = topology.Sites.FirstOrDefault(candidate => string.Equals(candidate.SetIdentifier, weight.SetIdentifier, StringComparison.Ordinal))
                ?? throw new InputValidationException(field + ".setIdentifier",
                    $"'{weight.SetIdentifier}' is not a managed record ({topology.Primary.SetIdentifier}, {topology.Secondary.SetIdentifier})");
            if (!string.Equals(site.Region, weight.Region, StringComparison.Ordinal))
            {
                throw new InputValidationException(field + ".region", $"'{weight.Region}' is not the Region of record {site.SetIdentifier} ({site.Region})");
            }

            if (weight.Weight is < 0 or > RecordWeight.MaxWeight)
            {
                throw new InputValidationException(field + ".weight", string.Create(CultureInfo.InvariantCulture,
                    $"must be between 0 and {RecordWeight.MaxWeight}, got {weight.Weight}"));
            }

            if (!seen.Add(weight.SetIdentifier))
            {
                throw new InputValidationException(field + ".setIdentifier", $"'{weight.SetIdentifier}' appears more than once");
            }
        }

        if (seen.Count == topology.Sites.Count && desired.All(weight => weight.Weight == 0))
        {
            throw new InputValidationException("desiredWeights", "must not all be 0: Route 53 would then split traffic evenly, failed Region included");
        }

        return desired;
    }
}
