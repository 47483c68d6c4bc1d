namespace DrLambdas.DrLab.World;

/// <summary>A validated request to inject one fault; durations in model seconds, relative to the moment of the request.</summary>
internal sealed record FaultSpec(
    FaultKind Kind,
    double AtSeconds,
    double? DurationSeconds,
    string? Region = null,
    double Rate = 1,
    string? Service = null,
    string? Operation = null,
    double Factor = 1,
    double LagMilliseconds = 0,
    double DownSeconds = 0,
    double UpSeconds = 0);
