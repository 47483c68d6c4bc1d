using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrLambdas.Runtime.Tests;

[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(TestOrder))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal sealed record TestOrder(string Id, int Quantity);
