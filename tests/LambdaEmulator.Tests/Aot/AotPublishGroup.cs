namespace DrLambdas.LambdaEmulator.Tests.Aot;

/// <summary>Tests that share one Native AOT publish of the echo fixture.</summary>
[CollectionDefinition(Name)]
public sealed class AotPublishGroup : ICollectionFixture<AotEchoPublish>
{
    public const string Name = "Native AOT publish";
}
