using System.Text;
using System.Text.Json;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The task tokens of the executions' waiting Task states, and what SendTaskSuccess, SendTaskFailure and
/// SendTaskHeartbeat do with them: a token that is not one Step Functions could have issued is InvalidToken; a
/// well-formed token nobody issued is TaskDoesNotExist; a task already completed, timed out, or whose execution
/// stopped is TaskTimedOut ("Provided task does not exist anymore"), as Step Functions answers.
/// </summary>
internal sealed class CallbackTaskRegistry(ExecutionRegistry executions)
{
    public const string Waiting = "Waiting";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string TimedOut = "TimedOut";

    /// <summary>The lab's token: base64 of this prefix and 88 random bytes (the executor mints them).</summary>
    public const string TokenPrefix = "DRLAB-TT";

    /// <summary>The API's limit on taskToken's length.</summary>
    public const int MaxTokenLength = 2048;

    private const int TokenBytes = 96;

    private readonly Dictionary<string, CallbackTask> _tasks = new(StringComparer.Ordinal);

    public IEnumerable<CallbackTask> All => _tasks.Values;

    /// <summary>Whether a token has the shape of one the lab issues.</summary>
    public static bool IsWellFormed(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return false;
        }

        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var written)
            && written == TokenBytes
            && bytes.AsSpan(0, TokenPrefix.Length).SequenceEqual(Encoding.ASCII.GetBytes(TokenPrefix));
    }

    /// <summary>Registers a waiting task of a RUNNING execution; the token must be well formed and new.</summary>
    public CallbackTask Register(string token, string executionArn, string stateName, DateTimeOffset now)
    {
        if (!IsWellFormed(token))
        {
            throw new LabError("InvalidToken", "Invalid Token: 'Invalid token'");
        }

        if (_tasks.ContainsKey(token))
        {
            throw new LabError("TaskAlreadyRegistered", $"The task token of {stateName} is already registered.", 409);
        }

        var execution = executions.Find(executionArn)
            ?? throw new LabError("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'", 404);
        if (!string.Equals(execution.Status, "RUNNING", StringComparison.Ordinal))
        {
            throw new LabError("ExecutionAlreadyFinished", $"Execution {executionArn} already finished as {execution.Status}.", 409);
        }

        var task = new CallbackTask(token, executionArn, execution.StateMachineArn, stateName, now);
        _tasks[token] = task;
        return task;
    }

    /// <summary>The registered task of a token, or null.</summary>
    public CallbackTask? Find(string token) => _tasks.GetValueOrDefault(token);

    /// <summary>SendTaskSuccess: the output must be JSON.</summary>
    public CallbackTask Succeed(string token, string output, DateTimeOffset now)
    {
        var task = RequireWaiting(token);
        try
        {
            using var _ = JsonDocument.Parse(output);
        }
        catch (JsonException ex)
        {
            throw new LabError("InvalidOutput", $"Invalid Output: '{ex.Message}'");
        }

        Complete(task, Succeeded, now, output, null, null);
        return task;
    }

    /// <summary>SendTaskFailure.</summary>
    public CallbackTask Fail(string token, string? error, string? cause, DateTimeOffset now)
    {
        var task = RequireWaiting(token);
        Complete(task, Failed, now, null, error, cause);
        return task;
    }

    /// <summary>SendTaskHeartbeat.</summary>
    public CallbackTask Heartbeat(string token, DateTimeOffset now)
    {
        var task = RequireWaiting(token);
        task.LastHeartbeat = now;
        return task;
    }

    /// <summary>The executor's word that the task's TimeoutSeconds elapsed: later calls with its token are TaskTimedOut.</summary>
    public CallbackTask Close(string token, DateTimeOffset now)
    {
        var task = Find(token) ?? throw new LabError("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'", 404);
        if (string.Equals(task.Status, Waiting, StringComparison.Ordinal))
        {
            Complete(task, TimedOut, now, null, null, null);
        }

        return task;
    }

    private CallbackTask RequireWaiting(string token)
    {
        if (!IsWellFormed(token))
        {
            throw new LabError("InvalidToken", "Invalid Token: 'Invalid token'");
        }

        var task = Find(token) ?? throw new LabError("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
        var execution = executions.Find(task.ExecutionArn);
        if (!string.Equals(task.Status, Waiting, StringComparison.Ordinal)
            || execution is null || !string.Equals(execution.Status, "RUNNING", StringComparison.Ordinal))
        {
            throw new LabError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }

        return task;
    }

    private static void Complete(CallbackTask task, string status, DateTimeOffset now, string? output, string? error, string? cause)
    {
        task.Status = status;
        task.CompletedAt = now;
        task.Output = output;
        task.Error = error;
        task.Cause = cause;
    }
}
