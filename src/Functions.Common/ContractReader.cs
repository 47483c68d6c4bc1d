using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Functions.Common;

/// <summary>Reads typed requests from a function's input; every shape problem becomes an <see cref="InputValidationException"/>.</summary>
public static class ContractReader
{
    /// <summary>
    /// How far ahead of this function's clock an instant stamped elsewhere (by Step Functions, or by another
    /// invocation) may be before it is taken as invented rather than as clock difference.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Deserializes <paramref name="input"/> with source-generated metadata.</summary>
    /// <exception cref="InputValidationException">A member is missing, unknown, null where not allowed, or of the wrong type.</exception>
    public static T Read<T>(JsonElement input, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return input.Deserialize(typeInfo)
                ?? throw new InputValidationException("$", "must be a JSON object, got null");
        }
        catch (JsonException exception)
        {
            throw new InputValidationException(exception.Path ?? "$", exception.Message, exception);
        }
    }

    /// <summary>Requires a non-blank string.</summary>
    /// <exception cref="InputValidationException">The value is empty or whitespace.</exception>
    public static string NonBlank(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InputValidationException(field, "must not be empty");
        }

        return value;
    }

    /// <summary>Requires an instant that has already happened, give or take <see cref="ClockSkew"/>.</summary>
    /// <exception cref="InputValidationException"><paramref name="value"/> is later than <paramref name="now"/> plus the skew.</exception>
    public static DateTimeOffset NotInFuture(DateTimeOffset value, DateTimeOffset now, string field)
    {
        if (value > now + ClockSkew)
        {
            throw new InputValidationException(field, string.Create(CultureInfo.InvariantCulture,
                $"is in the future ({value:O}, now {now:O}); it must be an instant that has already happened"));
        }

        return value;
    }
}
