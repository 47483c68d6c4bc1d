using System.Net;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("PriorRequestNotComplete", HttpStatusCode.BadRequest)]
    [InlineData("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable)]
    [InlineData("SomethingElse", HttpStatusCode.TooManyRequests)]
    public void IsThrottling_ThrottlingCodeOrStatus_IsTrue(string code, HttpStatusCode status) =>
        Assert.True(AwsErrorClassifier.IsThrottling(code, status));

    [Theory]
    [InlineData("InternalFailure", HttpStatusCode.InternalServerError)]
    [InlineData("BadGateway", HttpStatusCode.BadGateway)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("GatewayTimeout", HttpStatusCode.GatewayTimeout)]
    [InlineData("RequestTimeout", HttpStatusCode.BadRequest)]
    public void IsRetryable_TransientErrors_IsTrue(string code, HttpStatusCode status) =>
        Assert.True(AwsErrorClassifier.IsRetryable(code, status));

    [Theory]
    [InlineData("InvalidGlobalClusterStateFault", HttpStatusCode.BadRequest)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("NotImplemented", HttpStatusCode.NotImplemented)]
    [InlineData("ExecutionDoesNotExist", HttpStatusCode.BadRequest)]
    public void IsRetryable_ClientAndPermanentErrors_IsFalse(string code, HttpStatusCode status) =>
        Assert.False(AwsErrorClassifier.IsRetryable(code, status));
}
