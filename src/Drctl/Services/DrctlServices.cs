using DrLambdas.Aws.Ssm;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Aws.Sts;
using DrLambdas.Drctl.Configuration;

namespace DrLambdas.Drctl.Services;

/// <summary>Everything a command talks to; tests supply fakes.</summary>
/// <param name="Settings">The stack's names and the AWS settings.</param>
/// <param name="StepFunctions">Step Functions in the recovery Region.</param>
/// <param name="Sts">Who is calling.</param>
/// <param name="Parameters">SSM Parameter Store in the recovery Region.</param>
/// <param name="World">The HealthValidator's evidence and assessment.</param>
/// <param name="TimeProvider">The clock.</param>
internal sealed record DrctlServices(
    DrctlSettings Settings,
    IStepFunctionsClient StepFunctions,
    IStsClient Sts,
    IParameterStore Parameters,
    IWorldObserver World,
    TimeProvider TimeProvider);
