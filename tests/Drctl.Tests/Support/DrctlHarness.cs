using System.Net;
using System.Text.Json;
using DrLambdas.Aws;
using DrLambdas.Aws.Ssm;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Aws.Sts;
using DrLambdas.Drctl.Cli;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Spectre.Console;

namespace DrLambdas.Drctl.Tests.Support;

/// <summary>drctl's real command line over mocked clients, capturing what it prints and its exit code.</summary>
internal sealed class DrctlHarness
{
    public const string Region = "ap-northeast-1";
    public const string Failover = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover";
    public const string Failback = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failback";
    public const string Operator = "arn:aws:sts::111122223333:assumed-role/DrOperators/alice@example.com";
    public const string PauseName = "/drlambdas/dr/pause";
    public const string ApprovalPrefix = "/drlambdas/dr/approvals";

    public static readonly DateTimeOffset Now = new(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        ["DR_PRIMARY_REGION"] = "ap-east-2",
        ["DR_SECONDARY_REGION"] = "ap-northeast-1",
        ["DR_GLOBAL_CLUSTER_ID"] = "drlab-global",
        ["DR_PRIMARY_CLUSTER_ARN"] = "arn:aws:rds:ap-east-2:111122223333:cluster:app-ap-east-2",
        ["DR_SECONDARY_CLUSTER_ARN"] = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-ap-northeast-1",
        ["DR_HOSTED_ZONE_ID"] = "Z0DRLAB0123456789ABC",
        ["DR_RECORD_NAME"] = "api.example.com.",
        ["DR_PRIMARY_SET_IDENTIFIER"] = "tpe",
        ["DR_SECONDARY_SET_IDENTIFIER"] = "nrt",
        ["DR_PRIMARY_HEALTH_URL"] = "http://127.0.0.1:9/app/ap-east-2/actuator/health",
        ["DR_SECONDARY_HEALTH_URL"] = "http://127.0.0.1:9/app/ap-northeast-1/actuator/health",
        ["DR_FAILOVER_STATE_MACHINE_ARN"] = Failover,
        ["DR_FAILBACK_STATE_MACHINE_ARN"] = Failback,
        ["DR_PAUSE_PARAMETER_NAME"] = PauseName,
        ["DR_APPROVAL_PARAMETER_PREFIX"] = ApprovalPrefix,
    };

    public Mock<IStepFunctionsClient> StepFunctions { get; } = new(MockBehavior.Strict);

    public Mock<IStsClient> Sts { get; } = new();

    public Mock<IParameterStore> Parameters { get; } = new();

    public Mock<IWorldObserver> World { get; } = new(MockBehavior.Strict);

    public FakeTimeProvider Time { get; } = new(Now);

    public DrctlHarness()
    {
        Sts.Setup(s => s.GetCallerIdentityAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallerIdentity(Operator, "111122223333", "AROAEXAMPLE:alice@example.com"));
    }

    /// <summary>ListExecutions answers these executions (any filter, any machine).</summary>
    public void Executions(params ExecutionSummary[] executions) =>
        StepFunctions.Setup(s => s.ListExecutionsAsync(It.IsAny<ListExecutionsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ListExecutionsRequest request, CancellationToken _) => new ExecutionPage(
                executions.Where(e => e.StateMachineArn == request.StateMachineArn
                    && (request.StatusFilter is null || request.StatusFilter == e.Status)).ToList(),
                null));

    /// <summary>DescribeExecution answers each of <paramref name="descriptions"/> for its ARN and ExecutionDoesNotExist for any other.</summary>
    public void Describe(params ExecutionDescription[] descriptions)
    {
        StepFunctions.Setup(s => s.DescribeExecutionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string arn, CancellationToken _) => descriptions.FirstOrDefault(d => d.ExecutionArn == arn)
                ?? throw AwsError("SFN", "DescribeExecution", "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'"));
    }

    /// <summary>GetExecutionHistory answers these events in one page.</summary>
    public void History(params HistoryEvent[] events) =>
        StepFunctions.Setup(s => s.GetExecutionHistoryAsync(It.IsAny<GetExecutionHistoryRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ExecutionHistoryPage(events, null));

    public static string ExecutionArn(string machine, string name) =>
        machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    public async Task<DrctlRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<DrctlRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var app = new DrctlApp(
            name => Environment.TryGetValue(name, out var value) ? value : null,
            json =>
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                    Out = new AnsiConsoleOutput(stdout),
                });
                console.Profile.Width = 200;
                return new Terminal(console, stdout, stderr, json);
            },
            settings => new DrctlServices(settings, StepFunctions.Object, Sts.Object, Parameters.Object, World.Object, Time));
        var exit = await app.RunAsync(args, cancellationToken);
        return new DrctlRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static AwsServiceException AwsError(string service, string operation, string code, string message = "refused") =>
        new(service, operation, code, message, "req-1", HttpStatusCode.BadRequest, isRetryable: false);
}

/// <summary>One run of drctl.</summary>
internal sealed record DrctlRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}
