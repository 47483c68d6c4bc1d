namespace DrLambdas.Shared.Configuration;

/// <summary>
/// A named CloudWatch alarm in one Region that the application needs healthy but that says nothing about whether the
/// Region is down (MSK MirrorMaker 2 replication lag, database connection-pool saturation): evidence for
/// <c>assess</c>, a requirement for the failback <c>gate</c> and failback readiness, never a quorum vote.
/// </summary>
/// <param name="Kind">What the alarm watches, one of <see cref="ExtraSignalKinds.All"/>.</param>
/// <param name="AlarmName">The alarm's name in the Region it is configured for.</param>
public sealed record ExtraSignal(string Kind, string AlarmName);
