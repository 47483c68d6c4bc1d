using System.Text.Json;
using DrLambdas.DrLab.Iam;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// The lab's IAM control endpoints: PUT/GET /_lab/iam/roles (the deployed roles and their key pairs) and
/// POST /_lab/iam/simulate (a policy decision for calls that do not cross the lab, like iam:SimulatePrincipalPolicy).
/// </summary>
internal static class IamEndpoints
{
    private static IamJsonContext Context => IamJsonContext.Default;

    public static void Map(WebApplication app, IamRegistry iam)
    {
        var group = app.MapGroup("/_lab/iam");
        group.MapGet("/roles", context => Results.Json(List(iam.Roles), Context.RoleListDocument).ExecuteAsync(context));
        group.MapPut("/roles", async context => await (await PutRolesAsync(context, iam)).ExecuteAsync(context));
        group.MapPost("/simulate", async context => await (await SimulateAsync(context, iam)).ExecuteAsync(context));
    }

    private static async Task<IResult> PutRolesAsync(HttpContext context, IamRegistry iam)
    {
        var (root, error) = await ReadJsonAsync(context, "InvalidRoles");
        if (error is not null)
        {
            return error;
        }

        var (roles, problems) = IamRequests.ReadRoles(root);
        return problems.Count > 0
            ? Problem(400, "InvalidRoles", problems)
            : Results.Json(List(iam.Replace(roles)), Context.RoleListDocument);
    }

    private static async Task<IResult> SimulateAsync(HttpContext context, IamRegistry iam)
    {
        var (root, error) = await ReadJsonAsync(context, "InvalidSimulation");
        if (error is not null)
        {
            return error;
        }

        var (request, problems) = IamRequests.ReadSimulation(root);
        if (request is null)
        {
            return Problem(400, "InvalidSimulation", problems);
        }

        if (iam.FindByArn(request.Principal) is not { } principal)
        {
            return Problem(404, "NoSuchEntity", [$"The role {request.Principal} is not deployed in the lab."]);
        }

        request.Context.TryAdd("aws:PrincipalArn", [principal.RoleArn]);
        request.Context.TryAdd("aws:PrincipalAccount", [principal.Account]);
        var result = PolicyEvaluator.Evaluate(principal.Policies, new AuthorizationRequest(request.Action, request.Resource, request.Context));
        var decision = result.Decision switch
        {
            Decision.Allowed => "allowed",
            Decision.ExplicitDeny => "explicitDeny",
            _ => "implicitDeny",
        };
        return Results.Json(new SimulationDocument(decision, result.Statement?.Label), Context.SimulationDocument);
    }

    private static RoleListDocument List(IEnumerable<IamPrincipal> roles) =>
        new(roles.Select(r => new RoleKeysDocument(r.RoleArn, r.AccessKeyId, r.SecretAccessKey)).ToList());

    private static async Task<(JsonElement Root, IResult? Error)> ReadJsonAsync(HttpContext context, string errorCode)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, Problem(400, errorCode, [$"The body is not valid JSON: {ex.Message}"]));
        }
    }

    private static IResult Problem(int status, string error, IReadOnlyList<string> messages) =>
        Results.Json(new ControlErrorDocument(error, messages), Context.ControlErrorDocument, statusCode: status);
}
