namespace DrLambdas.Shared.Domain;

/// <summary>The weight of one Route 53 weighted record (0–255).</summary>
/// <param name="SetIdentifier">The record's set identifier.</param>
/// <param name="Region">The Region the record sends traffic to.</param>
/// <param name="Weight">Route 53 weight, 0–255.</param>
public sealed record RecordWeight(string SetIdentifier, string Region, int Weight)
{
    /// <summary>The largest weight Route 53 accepts.</summary>
    public const int MaxWeight = 255;
}
