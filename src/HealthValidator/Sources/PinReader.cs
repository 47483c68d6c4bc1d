using System.Globalization;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>Whether the DNS pin has landed: Route 53 holds the desired weights (propagation is not waited for).</summary>
internal sealed class PinReader(WeightReader weights)
{
    public async Task<PinReading> ReadAsync(IReadOnlyList<RecordWeight> desired, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var result = await weights.ReadAsync(timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return new PinReading(false, $"weighted records unreadable: {result.Failure}");
        }

        var current = result.Value!;
        var lines = desired.Select(want =>
        {
            var actual = current.WithSetIdentifier(want.SetIdentifier)?.Weight;
            return (Matches: actual == want.Weight, Text: string.Create(CultureInfo.InvariantCulture,
                $"{want.SetIdentifier}={actual?.ToString(CultureInfo.InvariantCulture) ?? "missing"} (desired {want.Weight})"));
        }).ToList();
        return new PinReading(lines.All(line => line.Matches), string.Join(", ", lines.Select(line => line.Text)));
    }
}

/// <summary>One reading of the pin.</summary>
/// <param name="Landed">Every desired weight is in Route 53.</param>
/// <param name="Detail">The weights seen, or why they could not be read.</param>
internal sealed record PinReading(bool Landed, string Detail);
