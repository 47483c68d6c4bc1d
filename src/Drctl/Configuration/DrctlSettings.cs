using DrLambdas.Aws;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.Drctl.Configuration;

/// <summary>What drctl needs to know about the deployed stack, read from the same variables the functions read.</summary>
/// <param name="Dr">The validated DR configuration (the HealthValidator's <c>DR_*</c> variables).</param>
/// <param name="Aws">AWS Region and endpoints; credentials come from the standard chain.</param>
/// <param name="FailoverStateMachineArn">The failover state machine (failover, switchover, plan's execution list).</param>
/// <param name="FailbackStateMachineArn">The failback state machine; null when not configured.</param>
/// <param name="ApprovalParameterPrefix">SSM path of the approval task tokens; null when not configured.</param>
/// <param name="PauseParameterName">SSM name of the pause document; null when not configured.</param>
/// <param name="ReadinessParameterName">SSM name of the readiness findings; null when not configured.</param>
internal sealed record DrctlSettings(
    DrConfiguration Dr,
    AwsClientOptions Aws,
    string FailoverStateMachineArn,
    string? FailbackStateMachineArn,
    string? ApprovalParameterPrefix,
    string? PauseParameterName,
    string? ReadinessParameterName)
{
    /// <summary>The Region drctl acts in: the recovery Region, where the state machines run.</summary>
    public string Region => Aws.Region;

    /// <summary>The configured state machines, failover first.</summary>
    public IReadOnlyList<string> StateMachineArns =>
        FailbackStateMachineArn is null ? [FailoverStateMachineArn] : [FailoverStateMachineArn, FailbackStateMachineArn];
}
