using System.Text.Json.Serialization;

namespace DrLambdas.DrLab.World;

/// <summary>Source-generated JSON for the alarm notifications CloudWatch sends to SNS.</summary>
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class AlarmMessageContext : JsonSerializerContext;
