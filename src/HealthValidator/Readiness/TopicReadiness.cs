using DrLambdas.Aws;
using DrLambdas.Aws.Sns;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// Someone receives the notices: the alert topic has at least one confirmed subscription
/// (<c>ListSubscriptionsByTopic</c>; a subscription waiting for its confirmation receives nothing).
/// </summary>
internal sealed class TopicReadiness(ISnsClient sns, DrConfiguration configuration, SourceRunner runner)
{
    private const string NotFound = "NotFound";

    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (configuration.Readiness.AlertTopicArn is not { } topic)
        {
            return
            [
                new ReadinessFinding(
                    ReadinessCodes.NoConfirmedSubscription, ReadinessSeverity.Critical, "alert topic",
                    "No alert topic is configured: escalations and readiness notices reach nobody.",
                    $"{EnvironmentVariables.AlertTopicArn} is not set",
                    $"Set {EnvironmentVariables.AlertTopicArn} to the alert topic's ARN (the template does)."),
            ];
        }

        var result = await runner.RunAsync(ct => sns.ListSubscriptionsByTopicAsync(topic, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error is AwsServiceException { ErrorCode: NotFound }
                ?
                [
                    new ReadinessFinding(
                        ReadinessCodes.TopicMissing, ReadinessSeverity.Critical, $"topic {topic}",
                        "The alert topic does not exist: escalations and failure notices are lost.",
                        $"ListSubscriptionsByTopic {topic}: {result.Failure}",
                        "Redeploy the stack (template.yaml) so that the topic exists, and subscribe the on-call address."),
                ]
                : [Unreadable.Finding(result, $"topic {topic}", "sns:ListSubscriptionsByTopic")];
        }

        var subscriptions = result.Value!;
        if (subscriptions.Any(subscription => subscription.IsConfirmed))
        {
            return [];
        }

        var pending = subscriptions.Where(subscription => !subscription.IsConfirmed).ToList();
        return
        [
            new ReadinessFinding(
                ReadinessCodes.NoConfirmedSubscription, ReadinessSeverity.Critical, $"topic {topic}",
                "Nobody has a confirmed subscription to the alert topic: an escalation (a human must decide) would reach nobody.",
                pending.Count == 0
                    ? "the topic has no subscriptions"
                    : "only subscriptions waiting for confirmation: " + string.Join(", ", pending.Select(subscription => $"{subscription.Protocol} {subscription.Endpoint}")),
                pending.Count == 0
                    ? "Subscribe the on-call address (template parameter AlertEmail, or aws sns subscribe) and confirm it."
                    : "Open the confirmation message sent to the pending endpoint and confirm the subscription (or subscribe again)."),
        ];
    }
}
