using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// <c>GET /app/{region}/actuator/health</c>: the Region's application as the requesting Region sees it (the observer on
/// the main port, the witness on its own port: <see cref="RequestOrigins"/>), in Spring Boot Actuator's format (200 UP,
/// 503 DOWN); the connection is aborted when the Region is unreachable from there.
/// </summary>
internal static class AppHealthEndpoint
{
    public static void Map(WebApplication app, LabWorld world, RequestOrigins origins) =>
        app.MapGet("/app/{region}/actuator/health",
            context => ServeAsync(context, world, origins, context.Request.RouteValues["region"]?.ToString() ?? string.Empty));

    private static async Task ServeAsync(HttpContext context, LabWorld world, RequestOrigins origins, string region)
    {
        var answer = world.Transact(state =>
        {
            if (!state.Definition.IsLabRegion(region))
            {
                return (Status: 404, Body: $"{{\"error\":\"No application in Region '{region}'.\"}}");
            }

            var requestId = Guid.NewGuid().ToString();
            var origin = origins.RegionOf(context, state);
            if (!state.IsReachableFrom(origin, region))
            {
                state.Requests.Add(new LoggedRequest(state.Now, "app", "Health", region, "Unreachable", 0, requestId,
                    $"{region} is unreachable from {origin}"));
                return (Status: 0, Body: string.Empty);
            }

            var health = EndpointHealth.Of(region, state.Conditions);
            var role = string.Equals(region, state.Database.WriterRegion, StringComparison.Ordinal) ? "writer" : "reader";
            state.Requests.Add(new LoggedRequest(state.Now, "app", "Health", region, health.Healthy ? "UP" : "DOWN",
                health.HttpStatus, requestId, $"from {origin}"));
            return (Status: health.HttpStatus, Body: Document(health, role));
        });
        if (answer.Status == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/vnd.spring-boot.actuator.v3+json";
        await context.Response.WriteAsync(answer.Body, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>The actuator document: overall status plus the db and livenessState components.</summary>
    public static string Document(EndpointHealth health, string databaseRole)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("status", health.Healthy ? "UP" : "DOWN");
            w.WriteStartObject("components");
            w.WriteStartObject("db");
            w.WriteString("status", health.DatabaseUp ? "UP" : "DOWN");
            w.WriteStartObject("details");
            w.WriteString("database", "PostgreSQL");
            w.WriteString("role", databaseRole);
            if (!health.DatabaseUp)
            {
                w.WriteString("error", "org.postgresql.util.PSQLException: Connection to the cluster endpoint refused.");
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("livenessState");
            w.WriteString("status", health.AppUp ? "UP" : "DOWN");
            w.WriteEndObject();
            w.WriteStartObject("ping");
            w.WriteString("status", "UP");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
