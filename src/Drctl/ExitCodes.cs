namespace DrLambdas.Drctl;

/// <summary>drctl's process exit codes (docs/drctl.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>status</c>: healthy; for a followed execution: it succeeded and recovered (or needed nothing).</summary>
    public const int Ok = 0;

    /// <summary><c>status</c>: degraded; a followed execution: failed, escalated, aborted or recovered only partly.</summary>
    public const int Degraded = 1;

    /// <summary><c>status</c>: the evidence does not tell (a source could not be read).</summary>
    public const int CannotTell = 2;

    /// <summary>A call failed: AWS refused it (permission, unknown execution, expired token) or could not be reached.</summary>
    public const int RuntimeError = 3;

    /// <summary>The configuration (<c>DR_*</c>, <c>AWS_*</c> or <c>--config</c>) is missing or invalid.</summary>
    public const int ConfigurationError = 4;

    /// <summary>The command line is wrong (unknown command or option, missing or malformed value).</summary>
    public const int UsageError = 64;

    /// <summary>Ctrl-C detached drctl from an execution, which goes on running.</summary>
    public const int Detached = 130;
}
