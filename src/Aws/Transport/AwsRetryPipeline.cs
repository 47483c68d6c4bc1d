using Polly;
using Polly.Retry;

namespace DrLambdas.Aws.Transport;

/// <summary>The standard-mode retry strategy: bounded attempts, retrying only <see cref="AwsTransientException"/>.</summary>
internal static class AwsRetryPipeline
{
    public static ResiliencePipeline Create(AwsClientOptions options)
    {
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        var backoff = new AwsBackoff(options);
        return new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = new PredicateBuilder().Handle<AwsTransientException>(),
                DelayGenerator = args =>
                {
                    var throttled = args.Outcome.Exception is AwsServiceException error
                        && AwsErrorClassifier.IsThrottling(error.ErrorCode, error.StatusCode);
                    return ValueTask.FromResult<TimeSpan?>(backoff.Delay(args.AttemptNumber, throttled));
                },
            })
            .Build();
    }
}
