namespace DrLambdas.DrLab.Control;

/// <summary>POST /_lab/tasks: a Task state of a RUNNING execution now waits on this token.</summary>
internal sealed record TaskRegistrationDocument(string? TaskToken, string? ExecutionArn, string? StateName);

/// <summary>POST /_lab/tasks/lookup and /_lab/tasks/close name a task by its token.</summary>
internal sealed record TaskTokenDocument(string? TaskToken);

/// <summary>A waiting task as the executor reads it: Waiting, Succeeded (output), Failed (error, cause) or TimedOut.</summary>
internal sealed record TaskDocument(
    string TaskToken, string ExecutionArn, string StateName, string Status, DateTimeOffset IssuedAt, DateTimeOffset? CompletedAt,
    string? Output, string? Error, string? Cause);
