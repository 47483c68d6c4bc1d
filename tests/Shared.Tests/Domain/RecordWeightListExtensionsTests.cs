using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Tests.Domain;

public sealed class RecordWeightListExtensionsTests
{
    private static readonly IReadOnlyList<RecordWeight> Weights =
        [new RecordWeight("tpe", "ap-east-2", 70), new RecordWeight("nrt", "ap-northeast-1", 30)];

    [Fact]
    public void WithSetIdentifier_ManagedIdentifier_ReturnsItsWeight()
    {
        Assert.Equal(30, Weights.WithSetIdentifier("nrt")?.Weight);
    }

    [Fact]
    public void WithSetIdentifier_UnknownIdentifier_ReturnsNull()
    {
        Assert.Null(Weights.WithSetIdentifier("fra"));
    }
}
