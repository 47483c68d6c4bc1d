using DrLambdas.Aws.Route53;

namespace DrLambdas.Aws.Tests.Route53;

public sealed class ResourceRecordSetListExtensionsTests
{
    private static readonly IReadOnlyList<ResourceRecordSet> Listing =
    [
        new("api.example.com.", "A", "tpe", 70, 60, ["192.0.2.10"]),
        new("api.example.com.", "A", "nrt", 30, 60, ["192.0.2.20"]),
    ];

    [Fact]
    public void WithSetIdentifier_ManagedIdentifier_ReturnsThatRecord()
    {
        Assert.Same(Listing[1], Listing.WithSetIdentifier("nrt"));
    }

    [Fact]
    public void WithSetIdentifier_IdentifierDiffersInCase_ReturnsNull()
    {
        Assert.Null(Listing.WithSetIdentifier("NRT"));
    }
}
