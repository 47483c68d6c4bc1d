using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>Why a call was refused: the first permission the principal lacks.</summary>
internal sealed record AccessDenial(IamPrincipal Principal, RequiredPermission Permission, string Resource, EvaluationResult Result);

/// <summary>
/// Authorises every AWS call before its service runs: each permission the service's mapping requires is evaluated
/// against the principal's policies, on each resource, with the global condition keys (aws:RequestedRegion,
/// aws:PrincipalArn, aws:PrincipalAccount) added to the service's own keys.
/// </summary>
internal sealed class CallAuthorizer(IEnumerable<IServiceAuthorization> services)
{
    private readonly Dictionary<string, IServiceAuthorization> _services = services.ToDictionary(s => s.SigningName, StringComparer.Ordinal);

    /// <summary>The denial, or null when every required permission is allowed.</summary>
    public AccessDenial? Authorize(IamPrincipal principal, AwsCall call, WorldState world)
    {
        var mapping = _services.GetValueOrDefault(call.Service)
            ?? throw new InvalidOperationException($"No authorization mapping for the service '{call.Service}'.");
        foreach (var permission in mapping.Permissions(call, world))
        {
            var context = AuthorizationRequest.NewContext();
            context["aws:RequestedRegion"] = [call.Region];
            context["aws:PrincipalArn"] = [principal.RoleArn];
            context["aws:PrincipalAccount"] = [principal.Account];
            foreach (var (key, values) in permission.Context ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                context[key] = values;
            }

            foreach (var resource in permission.Resources)
            {
                var result = PolicyEvaluator.Evaluate(principal.Policies, new AuthorizationRequest(permission.Action, resource, context));
                if (result.Decision != Decision.Allowed)
                {
                    return new AccessDenial(principal, permission, resource, result);
                }
            }
        }

        return null;
    }
}
