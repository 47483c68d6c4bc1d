using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Writes and reads contract documents the way the functions do: through <see cref="ContractsJsonContext"/> only.</summary>
internal static class ContractJson
{
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        ContractsJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException(typeof(T).Name + " is not part of ContractsJsonContext");

    public static JsonNode Write<T>(T value) =>
        JsonSerializer.SerializeToNode(value, TypeInfo<T>())
        ?? throw new InvalidOperationException(typeof(T).Name + " serialised to JSON null");

    public static JsonObject WriteObject<T>(T value) => Write(value).AsObject();

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>())
        ?? throw new InvalidOperationException("JSON null read as " + typeof(T).Name);

    public static T Read<T>(JsonNode node) => Read<T>(node.ToJsonString());

    /// <summary>The JSON string an enum value is written as.</summary>
    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Write(value).GetValue<string>();
}
