using System.Globalization;
using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Step Functions SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: the callback of a Task state waiting on a
/// task token, with the API's limits (taskToken 1-2048 characters, output at most 256 KiB, error 256, cause 32768).
/// </summary>
internal static class TaskCallbackOperations
{
    private const int MaxOutputBytes = 262_144;
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32_768;

    public static AwsReply SendTaskSuccess(AwsCall call, JsonElement body, WorldState world)
    {
        var token = Token(body);
        var output = JsonReplies.String(body, "output") ?? throw Missing("output");
        if (Encoding.UTF8.GetByteCount(output) > MaxOutputBytes)
        {
            throw TooLong("output", output.Length, MaxOutputBytes);
        }

        var task = world.Callbacks.Succeed(token, output, world.Now);
        return Empty(call, task);
    }

    public static AwsReply SendTaskFailure(AwsCall call, JsonElement body, WorldState world)
    {
        var token = Token(body);
        var error = JsonReplies.String(body, "error");
        var cause = JsonReplies.String(body, "cause");
        if (error is { Length: > MaxErrorLength })
        {
            throw TooLong("error", error.Length, MaxErrorLength);
        }

        if (cause is { Length: > MaxCauseLength })
        {
            throw TooLong("cause", cause.Length, MaxCauseLength);
        }

        var task = world.Callbacks.Fail(token, error, cause, world.Now);
        return Empty(call, task);
    }

    public static AwsReply SendTaskHeartbeat(AwsCall call, JsonElement body, WorldState world) =>
        Empty(call, world.Callbacks.Heartbeat(Token(body), world.Now));

    private static string Token(JsonElement body)
    {
        var token = JsonReplies.String(body, "taskToken") ?? throw Missing("taskToken");
        if (token.Length is 0 or > CallbackTaskRegistry.MaxTokenLength)
        {
            throw new LabError("ValidationException", string.Create(CultureInfo.InvariantCulture,
                $"1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and {CallbackTaskRegistry.MaxTokenLength}"));
        }

        return token;
    }

    private static AwsReply Empty(AwsCall call, CallbackTask task) =>
        JsonReplies.Write(call, _ => { }) with { LogDetail = $"{task.StateName} of {task.ExecutionArn.Split(':')[^1]}" };

    private static LabError Missing(string member) => new("ValidationException",
        $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static LabError TooLong(string member, int length, int max) => new("ValidationException", string.Create(CultureInfo.InvariantCulture,
        $"1 validation error detected: Value of length {length} at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
}
