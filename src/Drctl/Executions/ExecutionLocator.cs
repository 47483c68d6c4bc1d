using DrLambdas.Aws;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Configuration;

namespace DrLambdas.Drctl.Executions;

/// <summary>One execution of this stack's state machines.</summary>
/// <param name="Arn">The execution ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="StateMachineArn">Its state machine.</param>
internal sealed record ExecutionRef(string Arn, string Name, string StateMachineArn);

/// <summary>
/// Resolves what an operator typed (an execution name or ARN) to an execution of this stack, refusing another
/// Region's or another state machine's with one clear line.
/// </summary>
internal static class ExecutionLocator
{
    private const string ExecutionDoesNotExist = "ExecutionDoesNotExist";

    /// <summary>The execution ARN of <paramref name="name"/> in <paramref name="stateMachineArn"/>.</summary>
    public static string ArnOf(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    /// <summary>Finds the execution and returns its description.</summary>
    /// <exception cref="DrctlException">Malformed, another Region's, another machine's or unknown.</exception>
    public static async Task<(ExecutionRef Execution, ExecutionDescription Description)> FindAsync(
        string text, DrctlSettings settings, IStepFunctionsClient stepFunctions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stepFunctions);
        foreach (var candidate in Candidates(text, settings))
        {
            try
            {
                var description = await stepFunctions.DescribeExecutionAsync(candidate.Arn, cancellationToken);
                return (candidate, description);
            }
            catch (AwsServiceException exception) when (exception.ErrorCode == ExecutionDoesNotExist)
            {
                // Try the other state machine, then report the name as unknown.
            }
        }

        var machines = string.Join(" or ", settings.StateMachineArns.Select(arn => arn[(arn.LastIndexOf(':') + 1)..]));
        throw new DrctlException($"unknown execution '{text}': no execution of that name in {machines} (Region {settings.Region}).");
    }

    /// <summary>The executions <paramref name="text"/> may name, in the order to try them.</summary>
    public static IReadOnlyList<ExecutionRef> Candidates(string text, DrctlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw DrctlException.Usage("an execution name or ARN is required.");
        }

        if (text.StartsWith("arn:", StringComparison.Ordinal))
        {
            // arn:PARTITION:states:REGION:ACCOUNT:execution:MACHINE:NAME
            var parts = text.Split(':');
            if (parts.Length != 8 || parts[2] != "states" || parts[5] != "execution")
            {
                throw DrctlException.Usage($"'{text}' is not a Step Functions execution ARN.");
            }

            if (!string.Equals(parts[3], settings.Region, StringComparison.Ordinal))
            {
                throw new DrctlException(
                    $"execution '{parts[7]}' is in Region {parts[3]}, but drctl works in {settings.Region} (AWS_REGION, the recovery Region).");
            }

            var machine = string.Join(':', parts[..5]) + ":stateMachine:" + parts[6];
            if (!settings.StateMachineArns.Contains(machine, StringComparer.Ordinal))
            {
                throw new DrctlException($"execution '{parts[7]}' belongs to state machine {parts[6]}, not to this stack's.");
            }

            return [new ExecutionRef(text, parts[7], machine)];
        }

        if (text.Length > 80 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':'))
        {
            throw DrctlException.Usage($"'{text}' is not an execution name (1-80 characters, no spaces or colons).");
        }

        return settings.StateMachineArns.Select(machine => new ExecutionRef(ArnOf(machine, text), text, machine)).ToList();
    }
}
