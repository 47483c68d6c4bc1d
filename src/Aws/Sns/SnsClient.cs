using System.Text;
using System.Xml.Linq;
using DrLambdas.Aws.Protocols;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Sns;

/// <summary>SNS over awsQuery (API version 2010-03-31).</summary>
internal sealed class SnsClient(AwsServiceTransport transport) : ISnsClient
{
    private const string ApiVersion = "2010-03-31";
    private const int MaxMessageBytes = 256 * 1024;

    // A topic with more subscriptions than this is not what an alert topic looks like; stop paging there.
    private const int MaxListedSubscriptions = 1000;
    private readonly AwsQueryProtocol _query = new(transport, ApiVersion);

    public Task<string> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var parameters = new AwsQueryParameters()
            .Add("TopicArn", request.TopicArn)
            .Add("Message", request.Message)
            .Add("Subject", request.Subject);
        var index = 0;
        foreach (var (name, attribute) in request.MessageAttributes ?? new Dictionary<string, SnsMessageAttributeValue>())
        {
            var prefix = AwsQueryParameters.ListKey("MessageAttributes", "entry", ++index);
            parameters.Add(prefix + ".Name", name)
                .Add(prefix + ".Value.DataType", attribute.DataType)
                .Add(prefix + ".Value.StringValue", attribute.StringValue);
        }

        return _query.InvokeAsync("Publish", parameters, null, result => result.RequiredText("MessageId"), cancellationToken);
    }

    public async Task<IReadOnlyList<SnsSubscription>> ListSubscriptionsByTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(topicArn))
        {
            throw new ArgumentException("TopicArn is required.", nameof(topicArn));
        }

        var all = new List<SnsSubscription>();
        string? nextToken = null;
        do
        {
            var parameters = new AwsQueryParameters().Add("TopicArn", topicArn).Add("NextToken", nextToken);
            var (page, token) = await _query.InvokeAsync(
                "ListSubscriptionsByTopic",
                parameters,
                null,
                result => (result.Items("Subscriptions").Select(Subscription).ToList(), result.Text("NextToken")),
                cancellationToken);
            all.AddRange(page);
            nextToken = string.IsNullOrEmpty(token) ? null : token;
        }
        while (nextToken is not null && all.Count < MaxListedSubscriptions);

        return all;
    }

    private static SnsSubscription Subscription(XElement element) =>
        new(element.RequiredText("SubscriptionArn"), element.Text("Protocol"), element.Text("Endpoint"));

    private static void Validate(SnsPublishRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.TopicArn))
        {
            throw new ArgumentException("TopicArn is required.", nameof(request));
        }

        if (string.IsNullOrEmpty(request.Message))
        {
            throw new ArgumentException("Message must not be empty.", nameof(request));
        }

        if (Encoding.UTF8.GetByteCount(request.Message) > MaxMessageBytes)
        {
            throw new ArgumentException($"Message is larger than SNS's {MaxMessageBytes} bytes.", nameof(request));
        }

        if (request.Subject is { } subject && (subject.Length is 0 or >= 100 || subject.Any(char.IsControl)))
        {
            throw new ArgumentException("Subject must be 1-99 characters without line breaks or control characters.", nameof(request));
        }

        foreach (var (name, attribute) in request.MessageAttributes ?? new Dictionary<string, SnsMessageAttributeValue>())
        {
            if (string.IsNullOrWhiteSpace(name) || attribute is null || string.IsNullOrWhiteSpace(attribute.DataType) || attribute.StringValue is null)
            {
                throw new ArgumentException($"Message attribute '{name}' needs a name, a data type and a value.", nameof(request));
            }
        }
    }
}
