using System.Text.Json.Serialization;

namespace DrLambdas.DrLab.Control;

/// <summary>Source-generated JSON for the IAM control documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RoleListDocument))]
[JsonSerializable(typeof(SimulationDocument))]
[JsonSerializable(typeof(ControlErrorDocument))]
internal sealed partial class IamJsonContext : JsonSerializerContext;
