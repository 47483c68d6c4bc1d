using DrLambdas.Runtime.Logging;

namespace DrLambdas.Runtime.Tests.Logging;

public sealed class LogLevelNamesTests
{
    [Theory]
    [InlineData("DEBUG", LambdaLogLevel.Debug)]
    [InlineData("warn", LambdaLogLevel.Warn)]
    [InlineData("Warning", LambdaLogLevel.Warn)]
    [InlineData(" error ", LambdaLogLevel.Error)]
    [InlineData("", LambdaLogLevel.Info)]
    [InlineData(null, LambdaLogLevel.Info)]
    [InlineData("loud", LambdaLogLevel.Info)]
    public void Parse_Name_ReturnsLevelOrFallback(string? name, LambdaLogLevel expected) =>
        Assert.Equal(expected, LogLevelNames.Parse(name, LambdaLogLevel.Info));

    [Fact]
    public void ToName_EveryLevel_RoundTripsThroughParse()
    {
        foreach (var level in Enum.GetValues<LambdaLogLevel>())
        {
            Assert.Equal(level, LogLevelNames.Parse(LogLevelNames.ToName(level), LambdaLogLevel.Fatal == level ? LambdaLogLevel.Trace : LambdaLogLevel.Fatal));
        }
    }
}
