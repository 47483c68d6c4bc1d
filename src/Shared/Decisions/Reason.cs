namespace DrLambdas.Shared.Decisions;

/// <summary>One reason behind a decision, in words an operator can act on.</summary>
/// <param name="Code">Stable identifier.</param>
/// <param name="Message">What was found and what it means.</param>
/// <param name="Evidence">The observations the reason rests on, e.g.
/// <c>probe:ap-northeast-1→ap-east-2 unhealthy: connection refused</c>.</param>
public sealed record Reason(ReasonCode Code, string Message, IReadOnlyList<string> Evidence);
