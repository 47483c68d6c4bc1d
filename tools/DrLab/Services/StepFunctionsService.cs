using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Step Functions (awsJson1_0): CreateStateMachine and DescribeStateMachine in the called Region, StartExecution,
/// ListExecutions, DescribeExecution and GetExecutionHistory over the lab's execution registry; SendTaskSuccess,
/// SendTaskFailure and SendTaskHeartbeat for Task states waiting on a task token. Executions stay RUNNING until the
/// control API marks them finished (with the history the executor recorded).
/// </summary>
internal sealed partial class StepFunctionsService : IAwsService
{
    private const int DefaultPageSize = 100;

    public string SigningName => "states";

    public bool IsGlobal => false;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Json];

    public string? JsonTargetPrefix => "AWSStepFunctions";

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world)
    {
        var body = JsonReplies.ParseObject(call.Body);
        return call.Operation switch
        {
            "CreateStateMachine" => CreateStateMachine(call, body, world),
            "DescribeStateMachine" => DescribeStateMachine(call, body, world),
            "StartExecution" => Start(call, body, world),
            "ListExecutions" => List(call, body, world),
            "DescribeExecution" => Describe(call, body, world),
            "GetExecutionHistory" => ExecutionHistoryOperation.Handle(call, body, world),
            "SendTaskSuccess" => TaskCallbackOperations.SendTaskSuccess(call, body, world),
            "SendTaskFailure" => TaskCallbackOperations.SendTaskFailure(call, body, world),
            "SendTaskHeartbeat" => TaskCallbackOperations.SendTaskHeartbeat(call, body, world),
            _ => throw AwsErrors.UnknownOperation(AwsProtocol.Json, call.Operation),
        };
    }

    private static AwsReply CreateStateMachine(AwsCall call, JsonElement body, WorldState world)
    {
        var name = JsonReplies.String(body, "name") ?? throw Missing("name");
        var definition = JsonReplies.String(body, "definition") ?? throw Missing("definition");
        var roleArn = JsonReplies.String(body, "roleArn") ?? throw Missing("roleArn");
        var type = JsonReplies.String(body, "type") ?? "STANDARD";
        if (!MachineName().IsMatch(name))
        {
            throw new LabError("InvalidName", $"Invalid Name: '{name}'");
        }

        if (type is not ("STANDARD" or "EXPRESS"))
        {
            throw new LabError("ValidationException",
                $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        if (!RoleArn().IsMatch(roleArn))
        {
            throw new LabError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {roleArn}'");
        }

        ValidateDefinition(definition);
        var machine = world.Deployment.CreateStateMachine(new StateMachine(
            world.Definition.StateMachineArn(call.Region, name), name, call.Region, definition, roleArn, type, world.Now));
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteString("stateMachineArn", machine.Arn);
            JsonReplies.WriteTimestamp(w, "creationDate", machine.CreationDate);
        });
        return reply with { LogDetail = machine.Arn };
    }

    private static AwsReply DescribeStateMachine(AwsCall call, JsonElement body, WorldState world)
    {
        var arn = JsonReplies.String(body, "stateMachineArn") ?? throw Missing("stateMachineArn");
        world.Executions.RequireStateMachine(arn);
        RequireRegion(arn, call.Region);
        var machine = world.Deployment.FindStateMachine(arn)!;
        return JsonReplies.Write(call, w =>
        {
            w.WriteString("stateMachineArn", machine.Arn);
            w.WriteString("name", machine.Name);
            w.WriteString("status", "ACTIVE");
            w.WriteString("definition", machine.Definition);
            w.WriteString("roleArn", machine.RoleArn);
            w.WriteString("type", machine.Type);
            JsonReplies.WriteTimestamp(w, "creationDate", machine.CreationDate);
        });
    }

    /// <summary>The checks CreateStateMachine makes on Amazon States Language before anything else: JSON with StartAt naming one of States.</summary>
    private static void ValidateDefinition(string definition)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(definition);
        }
        catch (JsonException ex)
        {
            throw new LabError("InvalidDefinition", $"Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: {ex.Message}'");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("StartAt", out var startAt) || startAt.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("States", out var states) || states.ValueKind != JsonValueKind.Object
                || !states.TryGetProperty(startAt.GetString()!, out _))
            {
                throw new LabError("InvalidDefinition",
                    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: StartAt must name a state of the States object'");
            }
        }
    }

    private static AwsReply Start(AwsCall call, JsonElement body, WorldState world)
    {
        var stateMachineArn = JsonReplies.String(body, "stateMachineArn") ?? throw Missing("stateMachineArn");
        RequireRegion(stateMachineArn, call.Region);
        var (execution, created) = world.Executions.Start(
            stateMachineArn, JsonReplies.String(body, "name"), JsonReplies.String(body, "input"), world.Now);
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteString("executionArn", execution.Arn);
            JsonReplies.WriteTimestamp(w, "startDate", execution.StartDate);
        });
        return reply with { LogDetail = (created ? "started " : "already running ") + execution.Name };
    }

    private static AwsReply List(AwsCall call, JsonElement body, WorldState world)
    {
        var stateMachineArn = JsonReplies.String(body, "stateMachineArn")
            ?? throw new LabError("ValidationException", "Must provide a StateMachine ARN or MapRun ARN");
        world.Executions.RequireStateMachine(stateMachineArn);
        RequireRegion(stateMachineArn, call.Region);
        var status = JsonReplies.String(body, "statusFilter");
        if (status is not null && !ExecutionRegistry.IsStatus(status))
        {
            throw new LabError("ValidationException",
                $"1 validation error detected: Value '{status}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
        }

        var pageSize = PageSize(body);
        var offset = DecodeToken(JsonReplies.String(body, "nextToken"));
        var all = world.Executions.List(stateMachineArn, status);
        var page = all.Skip(offset).Take(pageSize).ToList();
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteStartArray("executions");
            foreach (var execution in page)
            {
                w.WriteStartObject();
                WriteSummary(w, execution);

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (offset + page.Count < all.Count)
            {
                w.WriteString("nextToken", EncodeToken(offset + page.Count));
            }
        });
        return reply with { LogDetail = string.Create(CultureInfo.InvariantCulture, $"{page.Count} of {all.Count}") };
    }

    private static AwsReply Describe(AwsCall call, JsonElement body, WorldState world)
    {
        var execution = RequireExecution(body, world);
        return JsonReplies.Write(call, w =>
        {
            WriteSummary(w, execution);

            w.WriteString("input", execution.Input);
            w.WriteStartObject("inputDetails");
            w.WriteBoolean("included", true);
            w.WriteEndObject();
            if (execution.Output is { } output)
            {
                w.WriteString("output", output);
                w.WriteStartObject("outputDetails");
                w.WriteBoolean("included", true);
                w.WriteEndObject();
            }

            if (execution.Error is { } error)
            {
                w.WriteString("error", error);
            }

            if (execution.Cause is { } cause)
            {
                w.WriteString("cause", cause);
            }
        });
    }

    /// <summary>The execution named by the body's executionArn: InvalidArn or ExecutionDoesNotExist otherwise.</summary>
    internal static Execution RequireExecution(JsonElement body, WorldState world)
    {
        var arn = JsonReplies.String(body, "executionArn") ?? throw Missing("executionArn");
        if (!arn.StartsWith("arn:aws:states:", StringComparison.Ordinal) || !arn.Contains(":execution:", StringComparison.Ordinal))
        {
            throw new LabError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
        }

        return world.Executions.Find(arn)
            ?? throw new LabError("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");
    }

    /// <summary>maxResults 0-1000 (0 or absent: the default page of 100).</summary>
    internal static int PageSize(JsonElement body)
    {
        var maxResults = JsonReplies.Int(body, "maxResults") ?? 0;
        if (maxResults is < 0 or > 1000)
        {
            throw new LabError("ValidationException",
                $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }

        return maxResults == 0 ? DefaultPageSize : maxResults;
    }

    private static void RequireRegion(string arn, string region)
    {
        if (!string.Equals(arn.Split(':')[3], region, StringComparison.Ordinal))
        {
            throw new LabError("StateMachineDoesNotExist",
                $"State Machine Does Not Exist: '{arn}' (it is not in {region})");
        }
    }

    private static LabError Missing(string member) => new("ValidationException",
        $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    internal static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"drlab:{offset}")));

    internal static int DecodeToken(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("drlab:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to InvalidToken below.
        }

        throw new LabError("InvalidToken", $"Invalid Token: '{token}'");
    }

    /// <summary>The fields ListExecutions and DescribeExecution share.</summary>
    private static void WriteSummary(Utf8JsonWriter w, Execution execution)
    {
        w.WriteString("executionArn", execution.Arn);
        w.WriteString("stateMachineArn", execution.StateMachineArn);
        w.WriteString("name", execution.Name);
        w.WriteString("status", execution.Status);
        JsonReplies.WriteTimestamp(w, "startDate", execution.StartDate);
        if (execution.StopDate is { } stop)
        {
            JsonReplies.WriteTimestamp(w, "stopDate", stop);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,80}$")]
    private static partial Regex MachineName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_\-/]{1,512}$")]
    private static partial Regex RoleArn();
}
