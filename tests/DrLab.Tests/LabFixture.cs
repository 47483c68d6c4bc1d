using System.Text;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.DrLab.Tests;

/// <summary>A lab world on a fake clock; durations in the tests are wall seconds of the chosen profile.</summary>
internal sealed class LabFixture
{
    public const string Primary = "ap-east-2";
    public const string Secondary = "ap-northeast-1";
    public const string UsEast1 = "us-east-1";

    public const string Witness = "eu-west-1";

    public LabFixture(TimeProfile? profile = null, int faultSeed = 1, string? witness = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Definition = new WorldDefinition(Primary, Secondary, "tpe", "nrt", witness);
        World = new LabWorld(Definition, profile ?? TimeProfile.Realistic, Secondary, Time, faultSeed);
    }

    public FakeTimeProvider Time { get; }

    public WorldDefinition Definition { get; }

    public LabWorld World { get; }

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public T Run<T>(Func<WorldState, T> action) => World.Transact(action);

    public void Inject(FaultSpec spec) => Run(state => state.Faults.Add([spec], state.Now));

    public PromotionOperation Start(PromotionKind kind, string target = Secondary) => Run(state => state.StartPromotion(kind, target));

    /// <summary>Serves an awsQuery call to <paramref name="service"/> in <paramref name="region"/>; throws the LabError AWS would answer.</summary>
    public AwsReply Query(IAwsService service, string region, string operation, params (string Name, string Value)[] parameters)
    {
        var form = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        form["Action"] = operation;
        var call = new AwsCall(service.SigningName, region, AwsProtocol.Query, operation, Guid.NewGuid().ToString(), "POST", "/", form, []);
        return Run(state => service.Handle(call, state));
    }

    /// <summary>Serves an awsJson call (Step Functions, or CloudWatch as botocore sends it).</summary>
    public AwsReply Json(IAwsService service, string region, string operation, string body)
    {
        var call = new AwsCall(service.SigningName, region, AwsProtocol.Json, operation, Guid.NewGuid().ToString(), "POST", "/",
            new Dictionary<string, string>(StringComparer.Ordinal), Encoding.UTF8.GetBytes(body));
        return Run(state => service.Handle(call, state));
    }

    /// <summary>
    /// The Route 53 health-check alarm of a Region as the forwarder template deploys it (HealthCheckStatus Minimum &lt; 1
    /// over one minute, missing data breaching), created with PutMetricAlarm in <paramref name="alarmRegion"/>.
    /// </summary>
    public string PutHealthCheckAlarm(string watched, string alarmRegion = UsEast1)
    {
        var name = Definition.AlarmName(watched);
        Query(new CloudWatchService(), alarmRegion, "PutMetricAlarm",
            ("AlarmName", name), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"),
            ("Dimensions.member.1.Name", "HealthCheckId"), ("Dimensions.member.1.Value", Definition.HealthCheckIds[watched]),
            ("Statistic", "Minimum"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"),
            ("ComparisonOperator", "LessThanThreshold"), ("TreatMissingData", "breaching"));
        return name;
    }

    public MetricAlarm Alarm(string name, string region = UsEast1) => Run(s => s.Alarms.Find(region, name))!;
}
