using System.Net;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Sns;

public sealed class SnsClientTests : IDisposable
{
    private const string TopicArn = "arn:aws:sns:ap-northeast-1:111122223333:dr-notices";
    private readonly TestAws _aws = new();

    [Fact]
    public async Task Publish_WithSubjectAndAttributes_PostsQueryFormWithMapEntries()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("sns-publish.xml"));
        var attributes = new Dictionary<string, SnsMessageAttributeValue>
        {
            ["incidentId"] = SnsMessageAttributeValue.Text("dr-42"),
            ["rtoSeconds"] = SnsMessageAttributeValue.Number("57"),
        };

        await _aws.Factory.Sns.PublishAsync(new SnsPublishRequest(TopicArn, "Failover to ap-northeast-1 complete & verified.", "DR: failover done", attributes));

        var request = _aws.SingleRequest;
        Assert.Equal("https://sns.ap-northeast-1.amazonaws.com/", request.Uri.ToString());
        Assert.Contains("Message=Failover%20to%20ap-northeast-1%20complete%20%26%20verified.", request.Body, StringComparison.Ordinal);
        Assert.Equal(
            [
                new("Action", "Publish"), new("Version", "2010-03-31"), new("TopicArn", TopicArn),
                new("Message", "Failover to ap-northeast-1 complete & verified."), new("Subject", "DR: failover done"),
                new("MessageAttributes.entry.1.Name", "incidentId"), new("MessageAttributes.entry.1.Value.DataType", "String"),
                new("MessageAttributes.entry.1.Value.StringValue", "dr-42"),
                new("MessageAttributes.entry.2.Name", "rtoSeconds"), new("MessageAttributes.entry.2.Value.DataType", "Number"),
                new("MessageAttributes.entry.2.Value.StringValue", "57"),
            ],
            request.FormPairs());
        Assert.Contains("/ap-northeast-1/sns/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Fixture_ReturnsMessageId()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("sns-publish.xml"));

        var messageId = await _aws.Factory.Sns.PublishAsync(new SnsPublishRequest(TopicArn, "hello"));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        Assert.False(_aws.SingleRequest.Form().ContainsKey("Subject"));
    }

    [Fact]
    public async Task ListSubscriptionsByTopic_TwoPages_FollowsNextTokenAndReadsPendingConfirmation()
    {
        _aws.Handler.RespondXml(SubscriptionPage(
            $"<member><SubscriptionArn>{TopicArn}:6f1c0b1e-8a8e-4f36-a3c4-7c2f1c0e5a11</SubscriptionArn><Owner>111122223333</Owner><Protocol>email</Protocol><Endpoint>oncall@example.com</Endpoint><TopicArn>{TopicArn}</TopicArn></member>",
            "<NextToken>page-2</NextToken>"));
        _aws.Handler.RespondXml(SubscriptionPage(
            $"<member><SubscriptionArn>PendingConfirmation</SubscriptionArn><Owner>111122223333</Owner><Protocol>email</Protocol><Endpoint>backup@example.com</Endpoint><TopicArn>{TopicArn}</TopicArn></member>",
            string.Empty));

        var subscriptions = await _aws.Factory.Sns.ListSubscriptionsByTopicAsync(TopicArn);

        Assert.Equal([true, false], subscriptions.Select(subscription => subscription.IsConfirmed));
        Assert.Equal("backup@example.com", subscriptions[1].Endpoint);
        Assert.Equal(
            [new("Action", "ListSubscriptionsByTopic"), new("Version", "2010-03-31"), new("TopicArn", TopicArn), new("NextToken", "page-2")],
            _aws.Handler.Requests[1].FormPairs());
    }

    private static string SubscriptionPage(string members, string nextToken) =>
        $"""<ListSubscriptionsByTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListSubscriptionsByTopicResult><Subscriptions>{members}</Subscriptions>{nextToken}</ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>b9275252-3774-11df-9540-99d0768312d3</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>""";

    [Fact]
    public async Task Publish_TopicNotFound_ThrowsServiceException()
    {
        _aws.Handler.Respond(HttpStatusCode.NotFound, TestAws.Fixture("sns-error-not-found.xml"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Sns.PublishAsync(new SnsPublishRequest(TopicArn, "hello")));

        Assert.Equal(("SNS", "Publish", "NotFound", "Topic does not exist"), (error.Service, error.Operation, error.ErrorCode, error.ErrorMessage));
        Assert.Equal("9dd01905-5012-5f99-8663-4b3ecd0dfaef", error.RequestId);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Publish_InvalidSubject_ThrowsBeforeSending(string subject)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Sns.PublishAsync(new SnsPublishRequest(TopicArn, "hello", subject)));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task Publish_EmptyMessage_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Sns.PublishAsync(new SnsPublishRequest(TopicArn, "")));

        Assert.Empty(_aws.Handler.Requests);
    }

    public void Dispose() => _aws.Dispose();
}
