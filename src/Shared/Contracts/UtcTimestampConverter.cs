using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>
/// Writes instants as ISO-8601 UTC strings with a <c>Z</c> suffix and millisecond precision
/// (<c>2026-11-26T00:00:01.234Z</c>), the form Step Functions itself uses; reads any ISO-8601 instant.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An ISO-8601 timestamp string was expected, got {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var instant))
        {
            return instant.ToUniversalTime();
        }

        throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 timestamp such as 2026-11-26T00:00:00Z.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
