using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Tests.Pause;

public class PauseDocumentParserTests
{
    private const string Operator = "arn:aws:sts::111122223333:assumed-role/dr-operator/alice";

    private static string Document(string pausedAt = "2026-11-26T00:00:00Z", string expiresAt = "2026-11-26T02:00:00Z") =>
        $$"""{"pausedBy":"{{Operator}}","reason":"database maintenance","pausedAt":"{{pausedAt}}","expiresAt":"{{expiresAt}}"}""";

    [Fact]
    public void Parse_CompleteDocument_ReadsEveryMember()
    {
        var pause = PauseDocumentParser.Parse(Document());

        Assert.Equal(
            new PauseDocument(Operator, "database maintenance",
                new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
            pause);
    }

    [Fact]
    public void ToJson_Document_ParsesBackToTheSameDocument()
    {
        var pause = PauseDocumentParser.Parse(Document());

        var again = PauseDocumentParser.Parse(pause.ToJson());

        Assert.Equal(pause, again);
        Assert.Equal(Document(), pause.ToJson());
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"reason":"r","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T01:00:00Z"}""", "pausedBy")]
    [InlineData("""{"pausedBy":"a","reason":"  ","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T01:00:00Z"}""", "reason")]
    [InlineData("""{"pausedBy":"a","reason":"r","pausedAt":"2026-11-26T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"pausedBy":"a","reason":"r","pausedAt":"yesterday","expiresAt":"2026-11-26T01:00:00Z"}""", "pausedAt")]
    [InlineData("""{"pausedBy":"a","reason":"r","pausedAt":"2026-11-26T00:00:00","expiresAt":"2026-11-26T01:00:00Z"}""", "pausedAt")]
    [InlineData("""{"pausedBy":"a","reason":"r","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T09:00:00+08:00"}""", "expiresAt")]
    [InlineData("""{"pausedBy":"a","reason":"line\nbreak","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T01:00:00Z"}""", "reason")]
    [InlineData("""{"pausedBy":1,"reason":"r","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T01:00:00Z"}""", "pausedBy")]
    public void Parse_MalformedDocument_ThrowsNamingTheField(string json, string field)
    {
        var error = Assert.Throws<InputValidationException>(() => PauseDocumentParser.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Parse_ExpiryNotAfterStart_ThrowsOnExpiresAt()
    {
        var error = Assert.Throws<InputValidationException>(() => PauseDocumentParser.Parse(Document(expiresAt: "2026-11-26T00:00:00Z")));

        Assert.Equal("expiresAt", error.Field);
        Assert.Contains("after pausedAt", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReasonOverTheLimit_ThrowsOnReason()
    {
        var json = $$"""{"pausedBy":"a","reason":"{{new string('r', PauseDocument.MaxReasonLength + 1)}}","pausedAt":"2026-11-26T00:00:00Z","expiresAt":"2026-11-26T01:00:00Z"}""";

        var error = Assert.Throws<InputValidationException>(() => PauseDocumentParser.Parse(json));

        Assert.Equal("reason", error.Field);
    }
}
