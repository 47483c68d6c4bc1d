using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// Error documents the Lambda service itself produces (not the function): the runtime exited, the
/// invocation timed out, the response was too large. Step Functions sees these errorTypes; it reports
/// <c>Runtime.*</c> and <c>Sandbox.Timedout</c> failures of a Task as <c>Lambda.Unknown</c>.
/// </summary>
internal static class FunctionErrors
{
    public const string RuntimeExitError = "Runtime.ExitError";
    public const string SandboxTimedOut = "Sandbox.Timedout";
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    public static byte[] Exited(string requestId, int exitCode) => Document(
        RuntimeExitError,
        exitCode == 0
            ? $"RequestId: {requestId} Error: Runtime exited without providing a reason"
            : $"RequestId: {requestId} Error: Runtime exited with error: {ProcessExit.Describe(exitCode)}");

    public static byte[] TimedOut(string requestId, TimeSpan timeout) => Document(
        SandboxTimedOut,
        string.Create(CultureInfo.InvariantCulture, $"RequestId: {requestId} Error: Task timed out after {timeout.TotalSeconds:0.00} seconds"));

    public static byte[] InitTimedOut(string requestId, TimeSpan timeout) => Document(
        SandboxTimedOut,
        string.Create(CultureInfo.InvariantCulture, $"RequestId: {requestId} Error: Init phase timed out after {timeout.TotalSeconds:0.00} seconds"));

    public static byte[] TooLarge(int length, int limit) => Document(
        ResponseSizeTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"Response payload size ({length} bytes) exceeded maximum allowed payload size ({limit} bytes)."));

    public static byte[] Document(string errorType, string errorMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
