namespace DrLambdas.Aws.Sns;

/// <summary>Amazon SNS: publishing operator notifications and checking that someone receives them.</summary>
public interface ISnsClient
{
    /// <summary>Publishes a message to a topic; returns the SNS message id.</summary>
    Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists every subscription of a topic (all pages), confirmed or waiting for confirmation.</summary>
    Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default);
}
