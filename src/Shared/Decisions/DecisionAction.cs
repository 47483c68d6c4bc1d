using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Decisions;

/// <summary>What the failover state machine does next.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    /// <summary>Nothing to do; notify quietly.</summary>
    None,

    /// <summary>Move traffic away from a failed non-writer Region in DNS; touch no database.</summary>
    DrainSecondary,

    /// <summary>Move the Aurora writer without data loss (RPO 0), then traffic.</summary>
    Switchover,

    /// <summary>Move the Aurora writer with <c>AllowDataLoss</c> (bounded by the budget), then traffic.</summary>
    Failover,

    /// <summary>A human must decide; notify with the reasons and stop.</summary>
    Escalate,

    /// <summary>Acting would be unsafe; notify with the reasons and stop.</summary>
    Abort,
}
