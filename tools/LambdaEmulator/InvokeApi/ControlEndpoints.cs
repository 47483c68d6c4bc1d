using System.Text.Json;

namespace DrLambdas.LambdaEmulator.InvokeApi;

/// <summary>
/// Emulator-only endpoints under <c>/_emulator/</c>: <c>GET functions</c> (instances, peak RSS, last exit
/// codes) and <c>DELETE functions/{name}/instances</c> (stop the processes: the next invocation is cold).
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, EmulatorHost host)
    {
        app.MapGet("/_emulator/functions", context => ListAsync(context, host));
        app.MapDelete("/_emulator/functions/{name}/instances", async context =>
        {
            if (host.Find((string)context.Request.RouteValues["name"]!) is not { } pool)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await pool.StopProcessesAsync(context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
    }

    private static async Task ListAsync(HttpContext context, EmulatorHost host)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartArray();
        foreach (var pool in host.Pools)
        {
            writer.WriteStartObject();
            writer.WriteString("name", pool.Function.Name);
            writer.WriteString("bootstrap", pool.Function.BootstrapPath);
            writer.WriteNumber("memorySizeMb", pool.Function.MemorySizeMb);
            writer.WriteNumber("instances", pool.InstanceCount);
            if (pool.PeakResidentKb is { } peak)
            {
                writer.WriteNumber("peakResidentKb", peak);
            }
            else
            {
                writer.WriteNull("peakResidentKb");
            }

            writer.WriteStartArray("lastExitCodes");
            foreach (var code in pool.LastExitCodes)
            {
                writer.WriteNumberValue(code);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }
}
