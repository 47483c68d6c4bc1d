using System.Text.Json;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// The executor's side of the task-token callbacks: it registers a Task state waiting on a token (POST /_lab/tasks),
/// reads whether SendTaskSuccess / SendTaskFailure completed it (POST /_lab/tasks/lookup), and closes it when the
/// state's TimeoutSeconds elapsed (POST /_lab/tasks/close).
/// </summary>
internal static class TaskEndpoints
{
    private static LabJsonContext Context => LabJsonContext.Default;

    public static void Map(WebApplication app, LabWorld world)
    {
        var group = app.MapGroup("/_lab/tasks");
        group.MapPost("/", async context => await (await RegisterAsync(context, world)).ExecuteAsync(context));
        group.MapPost("/lookup", async context => await (await WithTokenAsync(context, world, (state, token) =>
            state.Callbacks.Find(token) ?? throw new LabError("TaskDoesNotExist", "No task with that token.", 404))).ExecuteAsync(context));
        group.MapPost("/close", async context => await (await WithTokenAsync(context, world, (state, token) =>
            state.Callbacks.Close(token, state.Now))).ExecuteAsync(context));
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.TaskRegistrationDocument);
        if (error is not null)
        {
            return error;
        }

        if (body?.TaskToken is not { } token || body.ExecutionArn is not { } executionArn || body.StateName is not { } stateName)
        {
            return Problem(400, "InvalidTask", "taskToken, executionArn and stateName are required.");
        }

        return world.Transact(state => Answer(() => state.Callbacks.Register(token, executionArn, stateName, state.Now), 201));
    }

    private static async Task<IResult> WithTokenAsync(HttpContext context, LabWorld world, Func<WorldState, string, CallbackTask> action)
    {
        var (body, error) = await ReadAsync(context, Context.TaskTokenDocument);
        if (error is not null)
        {
            return error;
        }

        return body?.TaskToken is not { } token
            ? Problem(400, "InvalidTask", "taskToken is required.")
            : world.Transact(state => Answer(() => action(state, token), 200));
    }

    private static IResult Answer(Func<CallbackTask> action, int status)
    {
        try
        {
            var task = action();
            return Results.Json(new TaskDocument(task.Token, task.ExecutionArn, task.StateName, task.Status, task.IssuedAt, task.CompletedAt,
                task.Output, task.Error, task.Cause), Context.TaskDocument, statusCode: status);
        }
        catch (LabError ex)
        {
            return Problem(ex.HttpStatus, ex.Code, ex.Message);
        }
    }

    private static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (default, Problem(400, "InvalidJson", ex.Message));
        }
    }

    private static IResult Problem(int status, string error, string message) =>
        Results.Json(new ControlErrorDocument(error, [message]), Context.ControlErrorDocument, statusCode: status);
}
