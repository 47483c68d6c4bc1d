using System.Text.Json;
using DrLambdas.Aws.Sns;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class SnsRoundTripTests(MotoServerFixture moto) : IDisposable
{
    private const string Region = "ap-northeast-1";
    private const string SqsVersion = "2012-11-05";
    private readonly AwsClientFactory _aws = new(moto.Options(Region));
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Publish_TopicWithQueueSubscriber_DeliversSubjectMessageAndAttributes()
    {
        var topicArn = (await moto.Seeder.QueryAsync("sns", Region, "2010-03-31", "CreateTopic", ("Name", $"dr-notices-{_suffix}")))
            .Descendants().Single(e => e.Name.LocalName == "TopicArn").Value;
        var queueUrl = (await moto.Seeder.QueryAsync("sqs", Region, SqsVersion, "CreateQueue", ("QueueName", $"notices-{_suffix}")))
            .Descendants().Single(e => e.Name.LocalName == "QueueUrl").Value;
        var queueArn = $"arn:aws:sqs:{Region}:{MotoSeeder.AccountId}:notices-{_suffix}";
        await moto.Seeder.QueryAsync("sns", Region, "2010-03-31", "Subscribe", ("TopicArn", topicArn), ("Protocol", "sqs"), ("Endpoint", queueArn));

        var messageId = await _aws.Sns.PublishAsync(new SnsPublishRequest(
            topicArn, "Failover to ap-northeast-1 complete.", "DR: failover done",
            new Dictionary<string, SnsMessageAttributeValue> { ["incidentId"] = SnsMessageAttributeValue.Text($"dr-{_suffix}") }));
        var received = await moto.Seeder.QueryAsync("sqs", Region, SqsVersion, "ReceiveMessage", ("QueueUrl", queueUrl));

        var body = received.Descendants().Single(e => e.Name.LocalName == "Body").Value;
        using var envelope = JsonDocument.Parse(body);
        var root = envelope.RootElement;
        Assert.Equal(messageId, root.GetProperty("MessageId").GetString());
        Assert.Equal("DR: failover done", root.GetProperty("Subject").GetString());
        Assert.Equal("Failover to ap-northeast-1 complete.", root.GetProperty("Message").GetString());
        Assert.Equal(topicArn, root.GetProperty("TopicArn").GetString());
        Assert.Equal($"dr-{_suffix}", root.GetProperty("MessageAttributes").GetProperty("incidentId").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Publish_UnknownTopic_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Sns.PublishAsync(
            new SnsPublishRequest($"arn:aws:sns:{Region}:{MotoSeeder.AccountId}:missing-{_suffix}", "hello")));

        Assert.Equal(("SNS", "Publish", "NotFound"), (error.Service, error.Operation, error.ErrorCode));
    }

    public void Dispose() => _aws.Dispose();
}
