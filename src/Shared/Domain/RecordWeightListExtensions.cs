namespace DrLambdas.Shared.Domain;

/// <summary>Lookups in a list of record weights.</summary>
public static class RecordWeightListExtensions
{
    /// <summary>The weight of the record whose set identifier is <paramref name="setIdentifier"/>, or null when the list has none.</summary>
    public static RecordWeight? WithSetIdentifier(this IEnumerable<RecordWeight> weights, string? setIdentifier)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return weights.FirstOrDefault(weight => string.Equals(weight.SetIdentifier, setIdentifier, StringComparison.Ordinal));
    }
}
