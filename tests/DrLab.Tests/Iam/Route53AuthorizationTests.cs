using DrLambdas.DrLab.Iam;

namespace DrLambdas.DrLab.Tests.Iam;

public class Route53AuthorizationTests
{
    [Theory]
    [InlineData("API.Example.com.", "api.example.com")]
    [InlineData("api.example.com", "api.example.com")]
    [InlineData("*.example.com", "\\052.example.com")]
    [InlineData("\\052.example.com.", "\\052.example.com")]
    [InlineData("_srv-1.example.com", "_srv-1.example.com")]
    [InlineData("a b.example.com", "a\\040b.example.com")]
    public void NormalizeRecordName_FollowsRoute53Normalisation(string name, string expected) =>
        Assert.Equal(expected, Route53Authorization.NormalizeRecordName(name));
}
