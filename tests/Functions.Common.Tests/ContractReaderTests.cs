using System.Text.Json;
using DrLambdas.Functions.Common.Tests.Support;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Functions.Common.Tests;

public sealed class ContractReaderTests
{
    [Fact]
    public void Read_WellFormedObject_ReturnsTheTypedRequest()
    {
        var request = ContractReader.Read(Json("""{"operation":"double","incidentId":"dr-1","count":3}"""), SampleJsonContext.Default.SampleRequest);

        Assert.Equal(new SampleRequest("double", "dr-1", 3), request);
    }

    [Fact]
    public void Read_JsonNull_ThrowsInputValidationAtTheRoot()
    {
        var error = Assert.Throws<InputValidationException>(() => ContractReader.Read(Json("null"), SampleJsonContext.Default.SampleRequest));

        Assert.Equal(("$", "must be a JSON object, got null"), (error.Field, error.Problem));
    }

    [Fact]
    public void Read_WrongTypedMember_ThrowsInputValidationAtItsPath()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            ContractReader.Read(Json("""{"operation":"double","incidentId":null,"count":"three"}"""), SampleJsonContext.Default.SampleRequest));

        Assert.Equal("$.count", error.Field);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public void Read_UnknownMember_ThrowsInputValidationNamingIt()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            ContractReader.Read(Json("""{"operation":"double","incidentId":null,"count":1,"cuont":2}"""), SampleJsonContext.Default.SampleRequest));

        Assert.Contains("cuont", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullForANonNullableMember_ThrowsInputValidation()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            ContractReader.Read(Json("""{"operation":null,"incidentId":null,"count":1}"""), SampleJsonContext.Default.SampleRequest));

        Assert.Contains("operation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void NonBlank_BlankValue_ThrowsInputValidationNamingTheField(string value)
    {
        var error = Assert.Throws<InputValidationException>(() => ContractReader.NonBlank(value, "reason"));

        Assert.Equal(("reason", "must not be empty"), (error.Field, error.Problem));
    }

    [Fact]
    public void NonBlank_Text_ReturnsItUnchanged()
    {
        Assert.Equal(" game day ", ContractReader.NonBlank(" game day ", "reason"));
    }

    [Fact]
    public void NotInFuture_BeyondTheClockSkew_ThrowsInputValidationNamingTheField()
    {
        var now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

        var error = Assert.Throws<InputValidationException>(() =>
            ContractReader.NotInFuture(now + ContractReader.ClockSkew + TimeSpan.FromSeconds(1), now, "startedAt"));

        Assert.Equal("startedAt", error.Field);
    }

    [Fact]
    public void NotInFuture_AheadWithinTheClockSkew_ReturnsItUnchanged()
    {
        var now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(now + ContractReader.ClockSkew, ContractReader.NotInFuture(now + ContractReader.ClockSkew, now, "startedAt"));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
