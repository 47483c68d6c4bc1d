using DrLambdas.LambdaEmulator.InvokeApi;

namespace DrLambdas.LambdaEmulator.Tests.InvokeApi;

public sealed class FunctionNamesTests
{
    [Theory]
    [InlineData("DnsUpdater", "DnsUpdater")]
    [InlineData("DnsUpdater:live", "DnsUpdater")]
    [InlineData("arn:aws:lambda:ap-northeast-1:111122223333:function:DnsUpdater", "DnsUpdater")]
    [InlineData("arn:aws:lambda:ap-northeast-1:111122223333:function:DnsUpdater:$LATEST", "DnsUpdater")]
    [InlineData("arn%3Aaws%3Alambda%3Aap-northeast-1%3A111122223333%3Afunction%3ADnsUpdater", "DnsUpdater")]
    public void FromInvokePath_NameOrArn_ReturnsTheFunctionName(string value, string expected) =>
        Assert.Equal(expected, FunctionNames.FromInvokePath(value));
}
