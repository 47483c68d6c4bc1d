using System.Text.Json.Serialization;

namespace DrLambdas.DrLab.Control;

/// <summary>Source-generated JSON for every control API document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(FaultRequestDocument))]
[JsonSerializable(typeof(FaultBatchDocument))]
[JsonSerializable(typeof(FaultListDocument))]
[JsonSerializable(typeof(ControlErrorDocument))]
[JsonSerializable(typeof(ExecutionRequestDocument))]
[JsonSerializable(typeof(ExecutionFinishDocument))]
[JsonSerializable(typeof(ExecutionDocument))]
[JsonSerializable(typeof(TaskRegistrationDocument))]
[JsonSerializable(typeof(TaskTokenDocument))]
[JsonSerializable(typeof(TaskDocument))]
[JsonSerializable(typeof(ObserverDocument))]
[JsonSerializable(typeof(LabStateDocument))]
[JsonSerializable(typeof(IReadOnlyList<RequestDocument>))]
[JsonSerializable(typeof(ReadyDocument))]
[JsonSerializable(typeof(DnsAnswerDocument))]
internal sealed partial class LabJsonContext : JsonSerializerContext;
