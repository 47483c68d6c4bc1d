using System.Xml.Linq;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class SnsServiceTests
{
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly SnsService Sns = new();

    [Fact]
    public void Publish_NoTopicCreated_NotFound()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => Publish(lab, lab.Definition.TopicArn(LabFixture.Secondary), "s", "m"));

        Assert.Equal("NotFound", error.Code);
    }

    [Fact]
    public void CreateTopic_WithKmsKey_ReturnsArnInTheCalledRegionAndExposesTheKey()
    {
        var lab = new LabFixture();

        var arn = CreateTopic(lab, "alerts", ("KmsMasterKeyId", KeyArn));

        Assert.Equal("arn:aws:sns:ap-northeast-1:111122223333:alerts", arn);
        Assert.Equal(KeyArn, lab.World.TopicKmsKey(arn));
        Assert.Null(lab.World.TopicKmsKey("arn:aws:sns:ap-east-2:111122223333:alerts"));
    }

    [Fact]
    public void CreateTopic_SameNameSameAttributes_ReturnsTheSameTopic()
    {
        var lab = new LabFixture();

        var first = CreateTopic(lab, "alerts", ("DisplayName", "DR"));
        var second = CreateTopic(lab, "alerts", ("DisplayName", "DR"));

        Assert.Equal(first, second);
        Assert.Single(lab.World.Deployment.Topics);
    }

    [Fact]
    public void CreateTopic_SameNameOtherAttributes_InvalidParameter()
    {
        var lab = new LabFixture();
        CreateTopic(lab, "alerts", ("DisplayName", "DR"));

        var error = Assert.Throws<LabError>(() => CreateTopic(lab, "alerts", ("DisplayName", "other")));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Contains("Topic already exists with different attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_TopicOfAnotherRegion_NotFound()
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");

        var error = Assert.Throws<LabError>(() => lab.Query(Sns, LabFixture.Primary, "Publish", ("TopicArn", arn), ("Message", "m")));

        Assert.Equal("NotFound", error.Code);
    }

    [Fact]
    public void Reset_CreatedTopic_StillAcceptsPublish()
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");

        lab.World.Reset();
        Publish(lab, arn, "after reset", "m");

        Assert.Equal("after reset", Assert.Single(lab.Run(s => s.Notifications.Messages)).Subject);
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(100, false)]
    public void Publish_SubjectLength_MustBeLessThanOneHundredCharacters(int length, bool accepted)
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");

        var error = Record.Exception(() => Publish(lab, arn, new string('x', length), "m"));

        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted ? null : "InvalidParameter", (error as LabError)?.Code);
    }

    [Theory]
    [InlineData("DR failover\ncompleted")]
    [InlineData("DR\u0007")]
    public void Publish_SubjectWithLineBreakOrControlCharacter_InvalidParameter(string subject)
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");

        var error = Assert.Throws<LabError>(() => Publish(lab, arn, subject, "m"));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Empty(lab.Run(s => s.Notifications.Messages));
    }

    [Fact]
    public void Publish_NonAsciiUtf8Subject_Accepted()
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");

        Publish(lab, arn, "フェイルオーバー完了 – nrt", "m");

        Assert.Single(lab.Run(s => s.Notifications.Messages));
    }

    [Fact]
    public void Publish_MessageOverTwoHundredFiftySixKilobytes_InvalidParameter()
    {
        var lab = new LabFixture();
        var arn = CreateTopic(lab, "alerts");
        Publish(lab, arn, "fits", new string('x', 262_144));

        var error = Assert.Throws<LabError>(() => Publish(lab, arn, "too long", new string('é', 131_073)));

        Assert.Equal("InvalidParameter", error.Code);
        Assert.Equal("Invalid parameter: Message too long", error.Message);
    }

    [Fact]
    public void AlarmAction_TopicInTheAlarmRegion_ReceivesTheStateChange()
    {
        var lab = new LabFixture();
        var arn = lab.Query(Sns, LabFixture.Secondary, "CreateTopic", ("Name", "alerts")).Body;
        var topic = XElement.Parse(arn).Descendants().Single(e => e.Name.LocalName == "TopicArn").Value;
        lab.Query(new CloudWatchService(), LabFixture.Secondary, "PutMetricAlarm",
            ("AlarmName", "lag"), ("Namespace", "AWS/RDS"), ("MetricName", "AuroraGlobalDBRPOLag"),
            ("Dimensions.member.1.Name", "DBClusterIdentifier"), ("Dimensions.member.1.Value", lab.Definition.ClusterId(LabFixture.Secondary)),
            ("Statistic", "Maximum"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "100"),
            ("ComparisonOperator", "GreaterThanThreshold"), ("AlarmActions.member.1", topic));

        lab.Advance(70);

        var message = Assert.Single(lab.Run(s => s.Notifications.Messages));
        Assert.Equal("ALARM: \"lag\" in ap-northeast-1", message.Subject);
        Assert.Contains("\"NewStateValue\":\"ALARM\"", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListSubscriptionsByTopic_EmailBeforeAndAfterItsConfirmation_PendingThenTheArn()
    {
        var lab = new LabFixture();
        var topic = CreateTopic(lab, "alerts");
        var subscribed = lab.Query(Sns, LabFixture.Secondary, "Subscribe", ("TopicArn", topic), ("Protocol", "email"), ("Endpoint", "oncall@example.com"));

        var pending = SubscriptionArns(lab, topic);
        var confirmed = lab.Run(state => state.Deployment.ConfirmSubscriptions(topic));
        var after = SubscriptionArns(lab, topic);

        Assert.Contains("<SubscriptionArn>pending confirmation</SubscriptionArn>", subscribed.Body, StringComparison.Ordinal);
        Assert.Equal(["PendingConfirmation"], pending);
        Assert.Equal(1, confirmed);
        Assert.StartsWith(topic + ":", Assert.Single(after), StringComparison.Ordinal);
    }

    [Fact]
    public void ListSubscriptionsByTopic_NoSuchTopic_NotFound()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => SubscriptionArns(lab, lab.Definition.TopicArn(LabFixture.Secondary)));

        Assert.Equal("NotFound", error.Code);
    }

    private static List<string> SubscriptionArns(LabFixture lab, string topicArn) =>
        XElement.Parse(lab.Query(Sns, LabFixture.Secondary, "ListSubscriptionsByTopic", ("TopicArn", topicArn)).Body)
            .Descendants().Where(e => e.Name.LocalName == "SubscriptionArn").Select(e => e.Value).ToList();

    private static string CreateTopic(LabFixture lab, string name, params (string Key, string Value)[] attributes)
    {
        var parameters = new List<(string, string)> { ("Name", name) };
        for (var i = 0; i < attributes.Length; i++)
        {
            parameters.Add(($"Attributes.entry.{i + 1}.key", attributes[i].Key));
            parameters.Add(($"Attributes.entry.{i + 1}.value", attributes[i].Value));
        }

        var reply = lab.Query(Sns, LabFixture.Secondary, "CreateTopic", [.. parameters]);
        return XElement.Parse(reply.Body).Descendants().Single(e => e.Name.LocalName == "TopicArn").Value;
    }

    private static void Publish(LabFixture lab, string topicArn, string subject, string message) =>
        lab.Query(Sns, LabFixture.Secondary, "Publish", ("TopicArn", topicArn), ("Subject", subject), ("Message", message));
}
