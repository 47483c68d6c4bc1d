namespace DrLambdas.Shared.Contracts;

/// <summary>The <c>operation</c> values each function accepts (<c>docs/contracts.md</c> section 5).</summary>
public static class OperationNames
{
    /// <summary>HealthValidator: gather evidence and decide.</summary>
    public const string Assess = "assess";

    /// <summary>HealthValidator: check the outcome and write the incident report.</summary>
    public const string Verify = "verify";

    /// <summary>HealthValidator: one failback readiness check.</summary>
    public const string Recovery = "recovery";

    /// <summary>HealthValidator: the health gate after a failback traffic step.</summary>
    public const string Gate = "gate";

    /// <summary>HealthValidator: judge a DNS pin that has not landed (retry, landed, or give up).</summary>
    public const string Pin = "pin";

    /// <summary>HealthValidator: keep a waiting execution's task token where only approvers read it.</summary>
    public const string ApprovalRequest = "approval-request";

    /// <summary>HealthValidator: delete a waiting execution's task token once it stopped waiting.</summary>
    public const string ApprovalClose = "approval-close";

    /// <summary>HealthValidator: probe both Regions for one scheduled minute and publish the results as metrics.</summary>
    public const string Probe = "probe";

    /// <summary>HealthValidator: check the live world against the configuration and report what would make a failover fail.</summary>
    public const string Readiness = "readiness";

    /// <summary>AuroraPromoter: start (or join) the promotion.</summary>
    public const string Start = "start";

    /// <summary>AuroraPromoter and DnsUpdater: report progress.</summary>
    public const string Status = "status";

    /// <summary>DnsUpdater: converge the weighted records.</summary>
    public const string Apply = "apply";

    /// <summary>DnsUpdater: gate each weighted record with its Region's health check, weights kept.</summary>
    public const string Associate = "associate";
}
