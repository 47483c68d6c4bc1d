namespace DrLambdas.DrLab.World;

/// <summary>A Step Functions state machine created by CreateStateMachine.</summary>
internal sealed record StateMachine(
    string Arn, string Name, string Region, string Definition, string RoleArn, string Type, DateTimeOffset CreationDate);
