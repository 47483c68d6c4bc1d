using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.Ssm;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.HealthValidator;

/// <summary>Everything the validator's operations talk to; tests supply mocks.</summary>
/// <param name="Configuration">The DR configuration.</param>
/// <param name="Rds">RDS, called in either Region.</param>
/// <param name="Route53">Route 53 (records and health checks).</param>
/// <param name="CloudWatch">CloudWatch (alarms and the RPO lag metric).</param>
/// <param name="StepFunctions">Step Functions (executions of the failover state machine).</param>
/// <param name="ParameterStore">SSM Parameter Store in the recovery Region (the pause of automatic failover, readiness's last findings, approval tokens).</param>
/// <param name="Probe">The <c>/actuator/health</c> probe.</param>
/// <param name="Sns">SNS (the alert topic's subscriptions; readiness notices).</param>
/// <param name="TimeProvider">The clock.</param>
internal sealed record ValidatorDependencies(
    DrConfiguration Configuration,
    IRdsClient Rds,
    IRoute53Client Route53,
    ICloudWatchClient CloudWatch,
    IStepFunctionsClient StepFunctions,
    IParameterStore ParameterStore,
    IHealthProbe Probe,
    ISnsClient Sns,
    TimeProvider TimeProvider);
