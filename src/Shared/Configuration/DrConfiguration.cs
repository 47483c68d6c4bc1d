namespace DrLambdas.Shared.Configuration;

/// <summary>
/// The validated configuration of every function. Load it once at init with
/// <see cref="Load(Func{string, string?})"/>; an invalid environment throws one
/// <see cref="DrLambdas.Errors.ConfigurationException"/> listing every problem.
/// </summary>
/// <param name="Topology">Regions, clusters and where the functions run.</param>
/// <param name="Dns">The weighted records.</param>
/// <param name="Alarms">Which alarms mean what.</param>
/// <param name="Policy">The decision rules' knobs.</param>
/// <param name="Probes">How evidence is gathered.</param>
/// <param name="Rto">The durations that make up the recovery time.</param>
/// <param name="Timeouts">Operation timeouts.</param>
/// <param name="Failback">Failback readiness and steps.</param>
public sealed record DrConfiguration(
    DrTopology Topology,
    DnsSettings Dns,
    AlarmSettings Alarms,
    DecisionPolicy Policy,
    ProbeSettings Probes,
    RtoSettings Rto,
    OperationTimeouts Timeouts,
    FailbackPolicy Failback)
{
    /// <summary>The SSM parameter holding the pause of automatic failover (<c>DR_PAUSE_PARAMETER_NAME</c>); null when not configured.</summary>
    public string? PauseParameterName { get; init; }

    /// <summary>The readiness evaluation's own settings.</summary>
    public ReadinessSettings Readiness { get; init; } = ReadinessSettings.None;

    /// <summary>
    /// The SSM path (<c>/drlambdas/STACK/approvals</c>) under which an execution waiting for approval keeps its task
    /// token, or null when approvals are not configured.
    /// </summary>
    public string? ApprovalParameterPrefix { get; init; }

    /// <summary>Loads and validates the configuration from a variable lookup (null = not set).</summary>
    /// <exception cref="DrLambdas.Errors.ConfigurationException">Any variable is missing or invalid; lists all.</exception>
    public static DrConfiguration Load(Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        return ConfigurationLoader.Load(readVariable);
    }

    /// <summary>Loads and validates the configuration from a snapshot of the environment.</summary>
    /// <exception cref="DrLambdas.Errors.ConfigurationException">Any variable is missing or invalid; lists all.</exception>
    public static DrConfiguration Load(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return ConfigurationLoader.Load(name => variables.TryGetValue(name, out var value) ? value : null);
    }
}
