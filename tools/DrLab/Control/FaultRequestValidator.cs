using System.Globalization;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>Turns control API fault documents into fault specifications, reporting every problem at once.</summary>
internal static class FaultRequestValidator
{
    private static readonly string[] Services = ["rds", "sns", "monitoring", "states", "route53"];

    /// <summary>The specifications, or every problem found (then nothing must be scheduled).</summary>
    public static (IReadOnlyList<FaultSpec> Specs, IReadOnlyList<string> Problems) Validate(
        IReadOnlyList<FaultRequestDocument> requests, WorldDefinition definition)
    {
        var specs = new List<FaultSpec>();
        var problems = new List<string>();
        if (requests.Count == 0)
        {
            problems.Add("No fault given: send one fault object or {\"faults\":[...]}.");
        }

        for (var i = 0; i < requests.Count; i++)
        {
            var found = new List<string>();
            var spec = Validate(requests[i], definition, found);
            var label = requests.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"faults[{i}]: ") : string.Empty;
            problems.AddRange(found.Select(p => label + p));
            if (spec is not null && found.Count == 0)
            {
                specs.Add(spec);
            }
        }

        return (specs, problems);
    }

    private static FaultSpec? Validate(FaultRequestDocument request, WorldDefinition definition, List<string> problems)
    {
        if (request.Kind is null || !Enum.TryParse<FaultKind>(request.Kind, ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            problems.Add($"kind '{request.Kind}' is not one of {string.Join(", ", Enum.GetNames<FaultKind>())}.");
            return null;
        }

        var at = request.AtSeconds ?? 0;
        if (at < 0 || double.IsNaN(at) || double.IsInfinity(at))
        {
            problems.Add("atSeconds must be zero or positive.");
        }

        if (request.DurationSeconds is { } duration && (duration <= 0 || double.IsInfinity(duration)))
        {
            problems.Add("durationSeconds must be positive (omit it for a fault that lasts until cleared).");
        }

        var regional = kind is FaultKind.RegionOutage or FaultKind.AppOutage or FaultKind.DatabaseOutage or FaultKind.FlappingHealth;
        var requestFault = kind is FaultKind.Throttling or FaultKind.ServerErrors;
        if (regional && (request.Region is null || !definition.IsLabRegion(request.Region)))
        {
            problems.Add($"{kind} needs region, one of {string.Join(", ", definition.Regions)}.");
        }
        else if (!regional && !requestFault && request.Region is not null)
        {
            problems.Add($"region does not apply to {kind}.");
        }

        Applies(request.Rate, requestFault, "rate", kind, problems);
        Applies(request.Service, requestFault, "service", kind, problems);
        Applies(request.Operation, requestFault, "operation", kind, problems);
        Applies(request.Factor, kind is FaultKind.SlowPromotion or FaultKind.SlowDnsPropagation, "factor", kind, problems);
        Applies(request.LagMilliseconds, kind == FaultKind.ReplicationLag, "lagMilliseconds", kind, problems);
        Applies(request.DownSeconds, kind == FaultKind.FlappingHealth, "downSeconds", kind, problems);
        Applies(request.UpSeconds, kind == FaultKind.FlappingHealth, "upSeconds", kind, problems);

        if (requestFault)
        {
            if (request.Rate is { } rate && (rate <= 0 || rate > 1))
            {
                problems.Add("rate must be in (0, 1]: the fraction of matching calls that fail.");
            }

            if (request.Service is { } service && !Services.Contains(service, StringComparer.Ordinal))
            {
                problems.Add($"service '{service}' is not one of {string.Join(", ", Services)}.");
            }
        }

        if (kind is FaultKind.SlowPromotion or FaultKind.SlowDnsPropagation && request.Factor is not > 1)
        {
            problems.Add($"{kind} needs factor > 1 (how many times longer).");
        }

        if (kind == FaultKind.ReplicationLag && request.LagMilliseconds is not > 0)
        {
            problems.Add("ReplicationLag needs lagMilliseconds > 0.");
        }

        if (kind == FaultKind.WitnessUnreachable && definition.WitnessRegion is null)
        {
            problems.Add("WitnessUnreachable needs a witness Region: start the lab with --witness-region.");
        }

        if (kind == FaultKind.FlappingHealth && (request.DownSeconds is not > 0 || request.UpSeconds is not > 0))
        {
            problems.Add("FlappingHealth needs downSeconds > 0 and upSeconds > 0.");
        }

        return new FaultSpec(kind, at, request.DurationSeconds, request.Region, request.Rate ?? 1, request.Service,
            request.Operation, request.Factor ?? 1, request.LagMilliseconds ?? 0, request.DownSeconds ?? 0, request.UpSeconds ?? 0);
    }

    private static void Applies(object? value, bool applies, string name, FaultKind kind, List<string> problems)
    {
        if (value is not null && !applies)
        {
            problems.Add($"{name} does not apply to {kind}.");
        }
    }
}
