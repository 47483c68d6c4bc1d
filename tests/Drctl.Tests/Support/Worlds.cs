using DrLambdas.Drctl.Services;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Drctl.Tests.Support;

/// <summary>World snapshots as the HealthValidator's readers return them.</summary>
internal static class Worlds
{
    public const string Primary = "ap-east-2";
    public const string Secondary = "ap-northeast-1";
    public const string PrimaryCluster = "arn:aws:rds:ap-east-2:111122223333:cluster:app-ap-east-2";
    public const string SecondaryCluster = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-ap-northeast-1";

    public static WorldSnapshot Healthy(Func<HealthSignal, HealthSignal>? change = null) => new(
        Signals().Select(change ?? (s => s)).ToList(),
        new GlobalClusterView(
            "drlab-global",
            [
                new ClusterMember(PrimaryCluster, Primary, IsWriter: true, "available", SynchronisationStatus.Connected),
                new ClusterMember(SecondaryCluster, Secondary, IsWriter: false, "available", SynchronisationStatus.Connected),
            ],
            null),
        new ReplicationStatus(TimeSpan.FromSeconds(0.8), DrctlHarness.Now.AddSeconds(-20)),
        [],
        [new RecordWeight("tpe", Primary, 70), new RecordWeight("nrt", Secondary, 30)],
        [],
        DrctlHarness.Now);

    private static IEnumerable<HealthSignal> Signals()
    {
        foreach (var region in new[] { Primary, Secondary })
        {
            foreach (var kind in Enum.GetValues<SignalKind>())
            {
                yield return new HealthSignal(kind, region, Secondary, Verdict.Healthy, $"{kind} of {region} fine", DrctlHarness.Now);
            }
        }
    }
}
