using System.Text.Json.Nodes;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Assertions on written JSON documents.</summary>
internal static class ContractAssert
{
    /// <summary>The object has exactly these property names (spelling and case matter, order does not).</summary>
    public static void HasExactly(JsonNode? node, params string[] names)
    {
        Assert.NotNull(node);
        Assert.Equal(new SortedSet<string>(names, StringComparer.Ordinal), new SortedSet<string>(node.AsObject().Select(property => property.Key), StringComparer.Ordinal));
    }

    /// <summary>The node equals <paramref name="expectedJson"/> structurally (property order ignored).</summary>
    public static void JsonEqual(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()}{Environment.NewLine}but got  {actual?.ToJsonString()}");
    }

    /// <summary>The property is present and JSON null (not omitted: state machine paths must resolve).</summary>
    public static void IsWrittenNull(JsonObject node, string name)
    {
        Assert.True(node.TryGetPropertyValue(name, out var value), $"'{name}' is missing from {node.ToJsonString()}");
        Assert.Null(value);
    }
}
