using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Configuration;

/// <summary>Everything configured about one Region.</summary>
/// <param name="Region">The Region name, e.g. <c>ap-east-2</c>.</param>
/// <param name="Role">Its configured role.</param>
/// <param name="ClusterArn">Its Aurora cluster ARN.</param>
/// <param name="SetIdentifier">Its Route 53 weighted record set identifier.</param>
/// <param name="HealthUrl">Its <c>/actuator/health</c> URL.</param>
/// <param name="HealthCheckId">Its Route 53 health check id, if any.</param>
/// <param name="NormalWeight">Its steady-state Route 53 weight.</param>
public sealed record RegionSite(
    string Region,
    RegionRole Role,
    string ClusterArn,
    string SetIdentifier,
    Uri HealthUrl,
    string? HealthCheckId,
    int NormalWeight);
