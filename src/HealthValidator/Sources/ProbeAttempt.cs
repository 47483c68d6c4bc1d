namespace DrLambdas.HealthValidator.Sources;

/// <summary>The result of one probe attempt.</summary>
/// <param name="Up">The application answered 2xx and did not report a status other than UP.</param>
/// <param name="Detail">What was seen, e.g. <c>HTTP 503, status DOWN</c>.</param>
internal sealed record ProbeAttempt(bool Up, string Detail);
