using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrLambdas.Aws.StepFunctions;

/// <summary>awsJson timestamps: epoch seconds with a fraction; ISO 8601 strings are accepted too (some emulators send them).</summary>
internal sealed class AwsJsonTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)),
            JsonTokenType.String => DateTimeOffset.Parse(
                reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new JsonException($"A timestamp must be a number or a string, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
    }
}

/// <summary>The nullable form of <see cref="AwsJsonTimestampConverter"/>.</summary>
internal sealed class AwsJsonNullableTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly AwsJsonTimestampConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            Inner.Write(writer, timestamp, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
