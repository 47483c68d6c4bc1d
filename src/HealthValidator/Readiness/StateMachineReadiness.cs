using DrLambdas.Aws;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>The failover and failback state machines exist and are <c>ACTIVE</c> (<c>DescribeStateMachine</c>).</summary>
internal sealed class StateMachineReadiness(IStepFunctionsClient stepFunctions, DrConfiguration configuration, SourceRunner runner)
{
    private const string StateMachineDoesNotExist = "StateMachineDoesNotExist";

    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var machines = new[]
            {
                (Role: "failover", Arn: configuration.Alarms.StateMachineArn, Variable: EnvironmentVariables.StateMachineArn),
                (Role: "failback", Arn: configuration.Readiness.FailbackStateMachineArn, Variable: EnvironmentVariables.FailbackStateMachineArn),
            };
        var checks = machines.Select(machine => CheckOneAsync(machine.Role, machine.Arn, machine.Variable, timeout, cancellationToken)).ToList();
        return (await Task.WhenAll(checks)).OfType<ReadinessFinding>().ToList();
    }

    private async Task<ReadinessFinding?> CheckOneAsync(string role, string? arn, string variable, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return new ReadinessFinding(
                ReadinessCodes.StateMachineMissing, SeverityOf(role), $"{role} state machine",
                $"No {role} state machine is configured: {(role == "failover" ? "nothing can run a failover" : "nothing can fail back")}.",
                $"{variable} is not set",
                $"Set {variable} to the {role} state machine's ARN (the template does).");
        }

        var result = await runner.RunAsync(ct => stepFunctions.DescribeStateMachineAsync(arn, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error is AwsServiceException { ErrorCode: StateMachineDoesNotExist }
                ? new ReadinessFinding(
                    ReadinessCodes.StateMachineMissing, SeverityOf(role), $"{role} state machine",
                    $"The {role} state machine does not exist: {(role == "failover" ? "alarms and operators cannot start a failover" : "nothing can fail back")}.",
                    $"DescribeStateMachine {arn}: {result.Failure}",
                    "Redeploy the stack (template.yaml) so that the state machine exists again.")
                : Unreadable.Finding(result, $"{role} state machine {arn}", "states:DescribeStateMachine");
        }

        var description = result.Value!;
        return description.Status is { } status && !string.Equals(status, "ACTIVE", StringComparison.Ordinal)
            ? new ReadinessFinding(
                ReadinessCodes.StateMachineMissing, SeverityOf(role), $"{role} state machine",
                $"The {role} state machine is {status}: it cannot start executions.",
                $"DescribeStateMachine {arn}: status {status}",
                "Redeploy the stack (template.yaml) so that the state machine exists again.")
            : null;
    }

    /// <summary>Without the failover machine nothing recovers; without the failback machine recovery still works.</summary>
    private static ReadinessSeverity SeverityOf(string role) => role == "failover" ? ReadinessSeverity.Critical : ReadinessSeverity.Warning;
}
