using System.Text.Json.Serialization;

namespace DrLambdas.Functions.Common.Tests.Support;

/// <summary>A request of the sample operation the tests route to.</summary>
public sealed record SampleRequest(string Operation, string? IncidentId, int Count);

/// <summary>The sample operation's response.</summary>
public sealed record SampleResponse(int Doubled);

/// <summary>Source-generated metadata of the sample contracts, with the options the real contracts use.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SampleRequest))]
[JsonSerializable(typeof(SampleResponse))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
