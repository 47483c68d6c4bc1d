using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>
/// Source-generated JSON metadata of every function input and output (<c>docs/contracts.md</c> section 5):
/// camelCase names, PascalCase enum strings, UTC timestamps, nulls written (the state machine's paths must
/// resolve), missing required members and nulls in non-nullable members rejected.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(AssessRequest))]
[JsonSerializable(typeof(AssessResponse))]
[JsonSerializable(typeof(VerifyRequest))]
[JsonSerializable(typeof(VerifyResponse))]
[JsonSerializable(typeof(RecoveryRequest))]
[JsonSerializable(typeof(RecoveryResponse))]
[JsonSerializable(typeof(GateRequest))]
[JsonSerializable(typeof(GateResponse))]
[JsonSerializable(typeof(ApprovalRequest))]
[JsonSerializable(typeof(ApprovalRequestResponse))]
[JsonSerializable(typeof(ApprovalCloseRequest))]
[JsonSerializable(typeof(ApprovalCloseResponse))]
[JsonSerializable(typeof(ApprovalRecord))]
[JsonSerializable(typeof(PinRequest))]
[JsonSerializable(typeof(PinResponse))]
[JsonSerializable(typeof(ProbeRequest))]
[JsonSerializable(typeof(ProbeResponse))]
[JsonSerializable(typeof(ReadinessRequest))]
[JsonSerializable(typeof(ReadinessResponse))]
[JsonSerializable(typeof(ReadinessState))]
[JsonSerializable(typeof(PromotionStartRequest))]
[JsonSerializable(typeof(PromotionStartResponse))]
[JsonSerializable(typeof(PromotionStatusRequest))]
[JsonSerializable(typeof(PromotionStatusResponse))]
[JsonSerializable(typeof(DnsApplyRequest))]
[JsonSerializable(typeof(DnsStatusRequest))]
[JsonSerializable(typeof(DnsChangeResponse))]
[JsonSerializable(typeof(DnsAssociateRequest))]
[JsonSerializable(typeof(DnsAssociateResponse))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
