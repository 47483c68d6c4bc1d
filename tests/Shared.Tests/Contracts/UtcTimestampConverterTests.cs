using System.Text;
using System.Text.Json;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Instants are written as ISO-8601 UTC with a <c>Z</c> and milliseconds; any ISO-8601 instant is read, normalised to UTC.</summary>
public class UtcTimestampConverterTests
{
    private static readonly UtcTimestampConverter Converter = new();

    private static string Write(DateTimeOffset value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static DateTimeOffset Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Converter.Read(ref reader, typeof(DateTimeOffset), JsonSerializerOptions.Default);
    }

    [Fact]
    public void Write_UtcInstant_WritesZSuffixWithMilliseconds()
    {
        var json = Write(new DateTimeOffset(2026, 11, 26, 0, 0, 1, 234, TimeSpan.Zero));

        Assert.Equal("\"2026-11-26T00:00:01.234Z\"", json);
    }

    [Fact]
    public void Write_InstantWithOffset_WritesTheSameInstantInUtc()
    {
        var json = Write(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(9)));

        Assert.Equal("\"2026-11-26T00:00:00.000Z\"", json);
    }

    [Fact]
    public void Write_SubMillisecondTicks_TruncatesToMilliseconds()
    {
        var json = Write(new DateTimeOffset(2026, 11, 26, 0, 0, 1, 234, TimeSpan.Zero).AddTicks(9_999));

        Assert.Equal("\"2026-11-26T00:00:01.234Z\"", json);
    }

    [Fact]
    public void Write_NullWriter_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Converter.Write(null!, ContractSamples.T0, JsonSerializerOptions.Default));
    }

    [Fact]
    public void Read_ZSuffix_ReadsUtcInstant()
    {
        var instant = Read("\"2026-11-26T00:00:01.234Z\"");

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 1, 234, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("\"2026-11-26T09:00:00+09:00\"")]
    [InlineData("\"2026-11-25T19:00:00-05:00\"")]
    public void Read_OffsetInstant_NormalisesToUtc(string json)
    {
        var instant = Read(json);

        Assert.Equal((ContractSamples.T0.UtcDateTime, TimeSpan.Zero), (instant.DateTime, instant.Offset));
    }

    [Fact]
    public void Read_WrittenInstant_ReadsTheSameInstant()
    {
        var original = new DateTimeOffset(2026, 11, 26, 8, 30, 15, 999, TimeSpan.FromHours(8));

        var instant = Read(Write(original));

        Assert.Equal(original, instant);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("\"2026-13-01T00:00:00Z\"")]
    [InlineData("\"2026-11-26 00:00:00 +0000\"")]
    [InlineData("\"26/11/2026 00:00:00\"")]
    public void Read_MalformedString_ThrowsJsonExceptionNamingTheValue(string json)
    {
        var exception = Assert.Throws<JsonException>(() => Read(json));

        Assert.Contains($"'{JsonSerializer.Deserialize<string>(json)}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1795651200")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Read_NotAString_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => Read(json));
    }
}
