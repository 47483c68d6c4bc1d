using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// The lab's control API under /_lab: ground truth (state, requests, config), fault injection and clearing,
/// misconfigurations (readiness drift) and SNS subscription confirmation, Step Functions execution bookkeeping, the
/// observer Region and reset.
/// </summary>
internal static class ControlApi
{
    private static LabJsonContext Context => LabJsonContext.Default;

    public static void Map(WebApplication app, LabWorld world, Func<ReadyDocument> ready)
    {
        var lab = app.MapGroup("/_lab");
        lab.MapGet("/state", context => Json(context, world.Transact(StateDocuments.State), Context.LabStateDocument));
        lab.MapGet("/config", context => Json(context, ready(), Context.ReadyDocument));
        lab.MapGet("/requests", context => Json(context, world.Transact(state => StateDocuments.Requests(
            state.Requests.Entries.Where(r =>
                Matches(context.Request, "service", r.Service) && Matches(context.Request, "operation", r.Operation)
                && Matches(context.Request, "region", r.Region) && Matches(context.Request, "outcome", r.Outcome)))),
            Context.IReadOnlyListRequestDocument));
        lab.MapGet("/faults", context => Json(context,
            world.Transact(state => new FaultListDocument(state.Faults.All.Select(f => StateDocuments.Fault(f, state.Now)).ToList())),
            Context.FaultListDocument));
        lab.MapPost("/faults", context => Execute(context, AddFaultsAsync(context, world)));
        lab.MapDelete("/faults", context => Json(context, world.Transact(state =>
        {
            state.Faults.ClearAll(state.Now);
            return new FaultListDocument(state.Faults.All.Select(f => StateDocuments.Fault(f, state.Now)).ToList());
        }), Context.FaultListDocument));
        lab.MapDelete("/faults/{id}", context =>
        {
            var id = context.Request.RouteValues["id"]?.ToString() ?? string.Empty;
            return world.Transact(state => state.Faults.Clear(id, state.Now)
                ? Results.Json(new FaultListDocument(state.Faults.All
                    .Where(f => string.Equals(f.Id, id, StringComparison.Ordinal))
                    .Select(f => StateDocuments.Fault(f, state.Now)).ToList()), Context.FaultListDocument)
                : Problem(404, "NoSuchFault", $"No fault with id '{id}'.")).ExecuteAsync(context);
        });
        lab.MapPost("/reset", context =>
        {
            world.Reset();
            return Json(context, world.Transact(StateDocuments.State), Context.LabStateDocument);
        });
        lab.MapPost("/observer", context => Execute(context, SetObserverAsync(context, world)));
        lab.MapPost("/executions", context => Execute(context, RegisterExecutionAsync(context, world)));
        lab.MapPost("/executions/finish", context => Execute(context, FinishExecutionAsync(context, world)));
        lab.MapPost("/misconfigurations", context => Execute(context, MisconfigureAsync(context, world)));
        lab.MapPost("/subscriptions/confirm", context => Execute(context, ConfirmSubscriptionsAsync(context, world)));
    }

    private static Task Json<T>(HttpContext context, T value, JsonTypeInfo<T> type) =>
        Results.Json(value, type).ExecuteAsync(context);

    private static async Task Execute(HttpContext context, Task<IResult> result) => await (await result).ExecuteAsync(context);

    private static bool Matches(HttpRequest request, string name, string value) =>
        !request.Query.TryGetValue(name, out var wanted) || string.Equals(wanted.ToString(), value, StringComparison.Ordinal);

    private static async Task<IResult> AddFaultsAsync(HttpContext context, LabWorld world)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Problem(400, "InvalidJson", ex.Message);
        }

        IReadOnlyList<FaultRequestDocument> requests;
        try
        {
            var isBatch = root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Any(p => string.Equals(p.Name, "faults", StringComparison.OrdinalIgnoreCase));
            requests = isBatch
                ? root.Deserialize(Context.FaultBatchDocument)?.Faults ?? []
                : root.Deserialize(Context.FaultRequestDocument) is { } single ? [single] : [];
        }
        catch (JsonException ex)
        {
            return Problem(400, "InvalidFault", ex.Message);
        }

        var (specs, problems) = FaultRequestValidator.Validate(requests, world.Definition);
        if (problems.Count > 0)
        {
            return Results.Json(new ControlErrorDocument("InvalidFault", problems), Context.ControlErrorDocument, statusCode: 400);
        }

        var added = world.Transact(state => state.Faults.Add(specs, state.Now).Select(f => StateDocuments.Fault(f, state.Now)).ToList());
        return Results.Json(new FaultListDocument(added), Context.FaultListDocument, statusCode: 201);
    }

    private static async Task<IResult> MisconfigureAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.MisconfigurationDocument);
        if (error is not null || body is null)
        {
            return error ?? Problem(400, "InvalidMisconfiguration", "A JSON object is required.");
        }

        return world.Transact(state =>
        {
            try
            {
                var changed = Misconfigurations.Apply(body, state);
                return Results.Json(new MisconfigurationResultDocument(body.Kind!, changed), Context.MisconfigurationResultDocument, statusCode: 201);
            }
            catch (LabError ex)
            {
                return Problem(400, ex.Code, ex.Message);
            }
        });
    }

    private static async Task<IResult> ConfirmSubscriptionsAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.SubscriptionConfirmDocument);
        if (error is not null)
        {
            return error;
        }

        var confirmed = world.Transact(state => state.Deployment.ConfirmSubscriptions(body?.TopicArn));
        return Results.Json(new SubscriptionConfirmResultDocument(confirmed), Context.SubscriptionConfirmResultDocument);
    }

    private static async Task<IResult> SetObserverAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.ObserverDocument);
        if (error is not null)
        {
            return error;
        }

        if (body?.Region is not { } region || !world.Definition.IsLabRegion(region))
        {
            return Problem(400, "InvalidObserver", $"region must be one of {string.Join(", ", world.Definition.Regions)}.");
        }

        return Results.Json(world.Transact(state =>
        {
            state.ObserverRegion = region;
            return StateDocuments.State(state);
        }), Context.LabStateDocument);
    }

    private static async Task<IResult> RegisterExecutionAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.ExecutionRequestDocument);
        if (error is not null || body is null)
        {
            return error ?? Problem(400, "InvalidExecution", "A JSON object is required.");
        }

        var status = body.Status ?? "RUNNING";
        var problems = new List<string>();
        if (!string.Equals(status, "RUNNING", StringComparison.Ordinal) && !ExecutionRegistry.FinalStatuses.Contains(status, StringComparer.Ordinal))
        {
            problems.Add($"status must be RUNNING or one of {string.Join(", ", ExecutionRegistry.FinalStatuses)}.");
        }

        if (body.StartedSecondsAgo is < 0 || body.StoppedSecondsAgo is < 0)
        {
            problems.Add("startedSecondsAgo and stoppedSecondsAgo must not be negative.");
        }

        if (body.StoppedSecondsAgo is not null && string.Equals(status, "RUNNING", StringComparison.Ordinal))
        {
            problems.Add("stoppedSecondsAgo needs a final status.");
        }

        if (body.StoppedSecondsAgo > (body.StartedSecondsAgo ?? 0))
        {
            problems.Add("stoppedSecondsAgo must not exceed startedSecondsAgo.");
        }

        if (problems.Count > 0)
        {
            return Results.Json(new ControlErrorDocument("InvalidExecution", problems), Context.ControlErrorDocument, statusCode: 400);
        }

        return world.Transact(state =>
        {
            var arn = body.StateMachineArn ?? state.Definition.StateMachineArn(state.ObserverRegion, WorldDefinition.StateMachineNames[0]);
            try
            {
                var startedAt = state.Now - state.Profile.ToWall(body.StartedSecondsAgo ?? 0);
                var (execution, _) = state.Executions.Start(arn, body.Name, body.Input, startedAt);
                if (!string.Equals(status, "RUNNING", StringComparison.Ordinal))
                {
                    ExecutionRegistry.Finish(execution, status, state.Now - state.Profile.ToWall(body.StoppedSecondsAgo ?? 0),
                        body.Output, body.Error, body.Cause);
                }

                return Results.Json(StateDocuments.Execution(execution), Context.ExecutionDocument, statusCode: 201);
            }
            catch (LabError ex)
            {
                return Problem(400, ex.Code, ex.Message);
            }
        });
    }

    private static async Task<IResult> FinishExecutionAsync(HttpContext context, LabWorld world)
    {
        var (body, error) = await ReadAsync(context, Context.ExecutionFinishDocument);
        if (error is not null || body is null)
        {
            return error ?? Problem(400, "InvalidExecution", "A JSON object is required.");
        }

        if (body.Status is null || !ExecutionRegistry.FinalStatuses.Contains(body.Status, StringComparer.Ordinal))
        {
            return Problem(400, "InvalidExecution", $"status must be one of {string.Join(", ", ExecutionRegistry.FinalStatuses)}.");
        }

        var (history, problems) = HistoryEventReader.Read(body.Events ?? []);
        if (problems.Count > 0)
        {
            return Results.Json(new ControlErrorDocument("InvalidExecution", problems), Context.ControlErrorDocument, statusCode: 400);
        }

        return world.Transact(state =>
        {
            var execution = body.ExecutionArn is { } arn ? state.Executions.Find(arn)
                : body.Name is { } name ? state.Executions.FindByName(name)
                : null;
            if (execution is null)
            {
                return Problem(404, "ExecutionDoesNotExist", "No execution with that executionArn or name (one of them is required).");
            }

            if (!string.Equals(execution.Status, "RUNNING", StringComparison.Ordinal))
            {
                return Problem(409, "ExecutionAlreadyFinished", $"Execution {execution.Arn} already finished as {execution.Status}.");
            }

            ExecutionRegistry.Finish(execution, body.Status, state.Now, body.Output, body.Error, body.Cause);
            execution.History = history;
            return Results.Json(StateDocuments.Execution(execution), Context.ExecutionDocument);
        });
    }

    private static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
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
