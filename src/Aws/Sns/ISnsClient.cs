namespace DrLambdas.Aws.Sns;

/// <summary>Amazon SNS publishing, used for operator notifications.</summary>
public interface ISnsClient
{
    /// <summary>Publishes a message to a topic; returns the SNS message id.</summary>
    Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default);
}
