using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// AWS Step Functions' actions and resources: state machines (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME) for
/// StartExecution, ListExecutions and the state machine operations; executions (…:execution:MACHINE:NAME) for
/// DescribeExecution, GetExecutionHistory and StopExecution; the issuing state machine for SendTaskSuccess, SendTaskFailure and
/// SendTaskHeartbeat (any resource when the token is unknown). CreateStateMachine also passes its role (iam:PassRole).
/// </summary>
internal sealed class StepFunctionsAuthorization : IServiceAuthorization
{
    public string SigningName => "states";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "states:" + call.Operation;
        switch (call.Operation)
        {
            case "DescribeExecution" or "GetExecutionHistory" or "StopExecution" or "RedriveExecution":
                return [new RequiredPermission(action, Arns(CallParameters.String(call, "executionArn")))];
            case "SendTaskSuccess" or "SendTaskFailure" or "SendTaskHeartbeat":
                // The token names no resource; IAM evaluates the state machine whose execution issued it.
                var token = CallParameters.String(call, "taskToken");
                return [new RequiredPermission(action, Arns(token is null ? null : world.Callbacks.Find(token)?.StateMachineArn))];
            case "CreateStateMachine":
                var permissions = new List<RequiredPermission>
                {
                    new(action, ArnBuilder.Named(CallParameters.String(call, "name"), n => ArnBuilder.Regional("states", call, "stateMachine:" + n))),
                };
                if (CallParameters.String(call, "roleArn") is { } roleArn)
                {
                    var context = AuthorizationRequest.NewContext();
                    context["iam:PassedToService"] = ["states.amazonaws.com"];
                    permissions.Add(new RequiredPermission("iam:PassRole", [roleArn], context));
                }

                return permissions;
            default:
                return [new RequiredPermission(action, Arns(CallParameters.String(call, "stateMachineArn")))];
        }
    }

    private static IReadOnlyList<string> Arns(string? arn) => arn is null ? RequiredPermission.AnyResource : [arn];
}
