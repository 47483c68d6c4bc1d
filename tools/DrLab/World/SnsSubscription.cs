namespace DrLambdas.DrLab.World;

/// <summary>
/// A subscription to a topic. Endpoints outside AWS (e-mail, HTTP/S, SMS) start unconfirmed: SNS lists them as
/// <c>PendingConfirmation</c> and delivers nothing until the endpoint's owner confirms.
/// </summary>
internal sealed record SnsSubscription(string Arn, string TopicArn, string Protocol, string Endpoint, bool Confirmed)
{
    /// <summary>What SNS lists instead of the ARN while the subscription waits for its confirmation.</summary>
    public const string PendingConfirmation = "PendingConfirmation";

    /// <summary>Protocols whose subscriptions need the endpoint's confirmation.</summary>
    public static readonly string[] ConfirmedByEndpoint = ["email", "email-json", "http", "https", "sms"];

    /// <summary>Every protocol SNS accepts.</summary>
    public static readonly string[] Protocols = [.. ConfirmedByEndpoint, "sqs", "lambda", "firehose", "application"];

    /// <summary>The ARN as ListSubscriptionsByTopic shows it.</summary>
    public string ListedArn => Confirmed ? Arn : PendingConfirmation;
}
