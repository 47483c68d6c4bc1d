namespace DrLambdas.Shared.Configuration;

/// <summary>When a status poll reports an operation as timed out.</summary>
/// <param name="Promotion">Aurora promotion timeout.</param>
/// <param name="Propagation">Route 53 propagation timeout.</param>
/// <param name="PromotionReportingGrace">
/// How long after <c>start</c> a promotion that RDS does not show (and that did not move the writer) is still taken
/// as starting rather than dropped.
/// </param>
/// <param name="PinRetry">
/// How long after its first failed attempt a DNS pin that has not landed is still retried; past it the pin is
/// given up (<c>PinFailed</c> metric, which pages).
/// </param>
public sealed record OperationTimeouts(TimeSpan Promotion, TimeSpan Propagation, TimeSpan PromotionReportingGrace, TimeSpan PinRetry);
