namespace DrLambdas.Aws.Sns;

/// <summary>One subscription of a topic as <c>ListSubscriptionsByTopic</c> reports it.</summary>
/// <param name="SubscriptionArn">The subscription's ARN, or <see cref="PendingConfirmation"/> while the endpoint has not confirmed it.</param>
/// <param name="Protocol">The delivery protocol, e.g. <c>email</c>, <c>https</c>, <c>sqs</c>.</param>
/// <param name="Endpoint">Where messages are delivered.</param>
public sealed record SnsSubscription(string SubscriptionArn, string? Protocol, string? Endpoint)
{
    /// <summary>What SNS lists instead of an ARN for a subscription that waits for its confirmation.</summary>
    public const string PendingConfirmation = "PendingConfirmation";

    /// <summary>The endpoint confirmed the subscription: SNS delivers to it.</summary>
    public bool IsConfirmed => SubscriptionArn.StartsWith("arn:", StringComparison.Ordinal);
}
