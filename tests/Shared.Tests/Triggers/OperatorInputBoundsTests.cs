using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Tests.Triggers;

/// <summary>Operator text is bounded, single-line and valid Unicode; a document says each field once.</summary>
public class OperatorInputBoundsTests
{
    private static string Manual(string reason = "drill", string requestedBy = "alice") =>
        $$"""{"mode":"failover","reason":"{{reason}}","force":false,"requestedBy":"{{requestedBy}}"}""";

    [Fact]
    public void Parse_ReasonAtTheLimit_IsAccepted()
    {
        var trigger = TriggerParser.Parse(Manual(reason: new string('r', 512)));

        Assert.Equal(512, trigger.Reason!.Length);
    }

    [Fact]
    public void Parse_ReasonOverTheLimit_NamesTheFieldAndTheLimit()
    {
        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Manual(reason: new string('r', 513))));

        Assert.Equal(("reason", "must be at most 512 characters, got 513"), (error.Field, error.Problem));
    }

    [Fact]
    public void Parse_RequestedByOverTheLimit_IsRefused()
    {
        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Manual(requestedBy: new string('a', 257))));

        Assert.Equal("requestedBy", error.Field);
    }

    [Fact]
    public void Parse_RequestedByFullAssumedRoleArn_IsAccepted()
    {
        var arn = "arn:aws:sts::123456789012:assumed-role/" + new string('r', 64) + "/" + new string('s', 64);

        var trigger = TriggerParser.Parse(Manual(requestedBy: arn));

        Assert.Equal(arn, trigger.RequestedBy);
    }

    [Theory]
    [InlineData(@"line one\nSubject: forged")]
    [InlineData(@"tab\there")]
    [InlineData(@"bell\u0007")]
    public void Parse_ControlCharacterInReason_IsRefused(string reason)
    {
        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Manual(reason: reason)));

        Assert.Equal("reason", error.Field);
        Assert.Contains("control characters", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LineBreakInRequestedBy_IsRefused()
    {
        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Manual(requestedBy: @"alice\r\nbob")));

        Assert.Equal("requestedBy", error.Field);
    }

    [Theory]
    [InlineData(@"half \ud83d pair")]
    [InlineData(@"low first \ude00")]
    public void Parse_SplitSurrogateInReason_IsRefused(string reason)
    {
        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Manual(reason: reason)));

        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void Parse_WholeSurrogatePair_IsAccepted()
    {
        Assert.Equal("rollback 🚀", TriggerParser.Parse(Manual(reason: @"rollback \ud83d\ude80")).Reason);
    }

    [Fact]
    public void Parse_DuplicateKey_IsRefused()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            TriggerParser.Parse("""{"mode":"switchover","reason":"x","force":false,"force":true,"requestedBy":"alice"}"""));

        Assert.Equal("$", error.Field);
    }

    [Fact]
    public void Parse_DuplicateKeyInAnAlreadyParsedElement_IsRefused()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"mode":"switchover","reason":"x","force":false,"force":true,"requestedBy":"alice"}""");

        var error = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(document.RootElement));

        Assert.Equal(("force", "appears more than once; each field may be given only once"), (error.Field, error.Problem));
    }
}
