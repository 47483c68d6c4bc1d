namespace DrLambdas.Shared.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Skeleton_Compiles() => Assert.Equal(2, 1 + 1);
}
