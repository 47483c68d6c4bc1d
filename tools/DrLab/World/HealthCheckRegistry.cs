using System.Security.Cryptography;
using System.Text;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The health checks created through Route 53's API. Part of the deployment: they outlive a reset of the world, as a
/// stack's resources do. CreateHealthCheck is idempotent by CallerReference as Route 53 documents it: the same
/// reference and settings return the existing check; other settings, or the reference of a deleted check, are
/// HealthCheckAlreadyExists.
/// </summary>
internal sealed class HealthCheckRegistry
{
    /// <summary>Route 53's default quota of health checks per account.</summary>
    public const int MaxHealthChecks = 200;

    private readonly List<CreatedHealthCheck> _checks = [];
    private readonly Dictionary<string, CreatedHealthCheck> _byReference = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletedReferences = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>Live checks in creation order.</summary>
    public IReadOnlyList<CreatedHealthCheck> All => _checks;

    public CreatedHealthCheck? Find(string id) =>
        _checks.FirstOrDefault(check => string.Equals(check.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates a check, or returns the one created earlier with the same reference and settings.</summary>
    /// <exception cref="LabError">HealthCheckAlreadyExists or TooManyHealthChecks.</exception>
    public (CreatedHealthCheck Check, bool IsNew) Create(string callerReference, HealthCheckConfig config, string? targetRegion, DateTimeOffset now)
    {
        if (_deletedReferences.Contains(callerReference))
        {
            throw AlreadyExists(callerReference);
        }

        if (_byReference.TryGetValue(callerReference, out var existing))
        {
            return existing.Config.SameSettingsAs(config) ? (existing, false) : throw AlreadyExists(callerReference);
        }

        if (_checks.Count >= MaxHealthChecks)
        {
            throw new LabError("TooManyHealthChecks",
                $"This AWS account has reached its limit of {MaxHealthChecks} health checks.");
        }

        var check = new CreatedHealthCheck(NewId(callerReference), callerReference, config, targetRegion, now);
        _checks.Add(check);
        _byReference[callerReference] = check;
        return (check, true);
    }

    /// <summary>Deletes a check; its caller reference stays taken (Route 53 keeps it for a number of days).</summary>
    /// <exception cref="LabError">NoSuchHealthCheck.</exception>
    public CreatedHealthCheck Delete(string id)
    {
        var check = Find(id) ?? throw NoSuchHealthCheck(id);
        _checks.Remove(check);
        _byReference.Remove(check.CallerReference);
        _deletedReferences.Add(check.CallerReference);
        return check;
    }

    public static LabError NoSuchHealthCheck(string id) =>
        new("NoSuchHealthCheck", $"No health check exists with the specified ID {id}.", 404);

    private static LabError AlreadyExists(string callerReference) => new("HealthCheckAlreadyExists",
        $"A health check with the CallerReference {callerReference} already exists or was deleted, and its settings differ from this request's.", 409);

    // Ids are opaque UUIDs; derived from the reference and a sequence so a seeded lab run is reproducible.
    private string NewId(string callerReference)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{callerReference}\u0001{++_sequence}"));
        var hex = Convert.ToHexStringLower(hash);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..32]}";
    }
}
