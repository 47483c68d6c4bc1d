namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>An invocation handed to a runtime, waiting for its <c>/response</c> or <c>/error</c>.</summary>
internal sealed class PendingInvocation(InvokeRequest request, DateTimeOffset deadline, string invokedFunctionArn)
{
    private readonly TaskCompletionSource<(InvocationStatus Status, byte[] Payload)> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InvokeRequest Request { get; } = request;

    public DateTimeOffset Deadline { get; } = deadline;

    public string InvokedFunctionArn { get; } = invokedFunctionArn;

    public Task<(InvocationStatus Status, byte[] Payload)> Completion => _completion.Task;

    /// <summary>Completes once; later results (a late post after a timeout) are ignored.</summary>
    public bool TryComplete(InvocationStatus status, byte[] payload) => _completion.TrySetResult((status, payload));
}
