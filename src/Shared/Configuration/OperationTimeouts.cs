namespace DrLambdas.Shared.Configuration;

/// <summary>When a status poll reports an operation as timed out.</summary>
/// <param name="Promotion">Aurora promotion timeout.</param>
/// <param name="Propagation">Route 53 propagation timeout.</param>
/// <param name="PromotionReportingGrace">
/// How long after <c>start</c> a promotion that RDS does not show (and that did not move the writer) is still taken
/// as starting rather than dropped.
/// </param>
public sealed record OperationTimeouts(TimeSpan Promotion, TimeSpan Propagation, TimeSpan PromotionReportingGrace);
