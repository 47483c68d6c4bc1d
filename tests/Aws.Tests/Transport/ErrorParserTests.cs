using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class ErrorParserTests
{
    [Fact]
    public void Xml_ErrorResponse_ReadsCodeMessageAndRequestId() =>
        Assert.Equal(
            new AwsErrorDetails("InvalidParameterValue", "bad value", "rid-1"),
            XmlErrorParser.Parse("<ErrorResponse xmlns=\"http://x/\"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad value</Message></Error><RequestId>rid-1</RequestId></ErrorResponse>"));

    [Fact]
    public void Xml_BareError_ReadsCodeAndRequestId() =>
        Assert.Equal(
            new AwsErrorDetails("AccessDenied", "nope", "rid-2"),
            XmlErrorParser.Parse("<Error><Code>AccessDenied</Code><Message>nope</Message><RequestId>rid-2</RequestId></Error>"));

    [Fact]
    public void Xml_MessagesDocument_UsesRootNameAsCodeAndJoinsMessages() =>
        Assert.Equal(
            new AwsErrorDetails("InvalidChangeBatch", "first; second", null),
            XmlErrorParser.Parse("<InvalidChangeBatch><Messages><Message>first</Message><Message>second</Message></Messages></InvalidChangeBatch>"));

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><Error><Code>&e;</Code></Error>")]
    public void Xml_NotAnAwsError_ReturnsNull(string body) => Assert.Null(XmlErrorParser.Parse(body));

    [Theory]
    [InlineData("{\"__type\":\"com.amazonaws.sfn#StateMachineDoesNotExist\",\"message\":\"m\"}", "StateMachineDoesNotExist")]
    [InlineData("{\"__type\":\"InvalidArn:http://internal.amazon.com/coral/\",\"Message\":\"m\"}", "InvalidArn")]
    [InlineData("{\"code\":\"ValidationException\",\"message\":\"m\"}", "ValidationException")]
    public void Json_TypeForms_YieldShortCode(string body, string expectedCode) =>
        Assert.Equal(new AwsErrorDetails(expectedCode, "m", null), JsonErrorParser.Parse(body));

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"message\":\"no type\"}")]
    [InlineData("<html/>")]
    public void Json_NotAnAwsError_ReturnsNull(string body) => Assert.Null(JsonErrorParser.Parse(body));
}
