namespace DrLambdas.Aws.Transport;

/// <summary>
/// Exponential backoff with full jitter: retry n (0-based) waits a uniformly random time in
/// [0, min(cap, base × 2^n)], with a larger base for throttling.
/// </summary>
internal sealed class AwsBackoff(AwsClientOptions options)
{
    public TimeSpan Delay(int retryIndex, bool throttled)
    {
        var baseDelay = throttled ? options.ThrottlingBaseDelay : options.BaseDelay;
        var exponent = Math.Min(retryIndex, 30);
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(options.Jitter() * ceiling);
    }
}
