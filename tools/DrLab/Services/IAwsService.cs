using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>One AWS service the lab serves, chosen by the SigV4 credential scope's service name.</summary>
internal interface IAwsService
{
    /// <summary>The signing name in the credential scope (rds, sns, monitoring, states, route53).</summary>
    string SigningName { get; }

    /// <summary>Global services (Route 53) are reachable whatever Region the request names.</summary>
    bool IsGlobal { get; }

    /// <summary>Regions outside the lab's two where the service still answers (CloudWatch in us-east-1 for Route 53 metrics).</summary>
    IReadOnlyCollection<string> AdditionalRegions => [];

    /// <summary>The protocols the service accepts.</summary>
    IReadOnlyCollection<AwsProtocol> Protocols { get; }

    /// <summary>The awsJson X-Amz-Target prefix, for services that speak JSON.</summary>
    string? JsonTargetPrefix { get; }

    /// <summary>For restXml services: the operation a method and path address, or null.</summary>
    string? RestOperation(string method, string path);

    /// <summary>Whether the service's API endpoint can be reached at all under these conditions (a Region's reachability aside).</summary>
    bool IsReachable(WorldConditions conditions) => true;

    /// <summary>Serves the call against the world (already caught up to now); throws <see cref="LabError"/> as AWS would fail.</summary>
    AwsReply Handle(AwsCall call, WorldState world);
}
