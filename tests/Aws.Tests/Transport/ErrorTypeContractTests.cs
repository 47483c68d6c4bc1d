using DrLambdas.Errors;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class ErrorTypeContractTests
{
    [Fact]
    public void AwsServiceException_ShortTypeName_IsTheStableErrorType() =>
        Assert.Equal(ErrorTypes.AwsService, typeof(AwsServiceException).Name);

    [Fact]
    public void AwsTransientException_ShortTypeName_IsTheStableErrorTypeAndASubclass()
    {
        Assert.Equal(ErrorTypes.AwsTransient, typeof(AwsTransientException).Name);
        Assert.True(typeof(AwsTransientException).IsSubclassOf(typeof(AwsServiceException)));
    }
}
