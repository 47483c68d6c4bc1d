using System.Text;
using DrLambdas.DrLab.Iam;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;
using Microsoft.AspNetCore.Http.Features;

namespace DrLambdas.DrLab.Protocol;

/// <summary>
/// Every AWS API request goes through here: SigV4 verification (the access key names the principal), service and
/// Region from the credential scope, reachability from the observer Region (an unreachable Region's request has its
/// connection aborted), IAM authorization of the principal, request faults (throttling, server errors), then the
/// service itself; every outcome is logged with the principal.
/// </summary>
internal sealed class AwsGateway(
    LabWorld world, SigV4Verifier verifier, IamRegistry iam, CallAuthorizer authorizer, IEnumerable<IAwsService> services)
{
    private const string AbortedOutcome = "Unreachable";

    /// <summary>The request log outcome of every call IAM refused, whatever the service's error code.</summary>
    public const string AccessDeniedOutcome = "AccessDenied";

    private readonly Dictionary<string, IAwsService> _services = services.ToDictionary(s => s.SigningName, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var incoming = await ReadAsync(context);
        var request = context.Request;
        var verdict = verifier.Verify(incoming.Signed);
        var principal = verdict.IsValid ? iam.FindByAccessKey(verdict.Scope!.AccessKeyId) : null;
        if (verdict.IsValid && principal is null)
        {
            // The roles were replaced between verification and lookup: the key no longer exists.
            verdict = new SignatureVerdict(SignatureFailure.UnknownAccessKey, verdict.Scope, "The security token included in the request is invalid.");
        }

        LabError? rejection =
            !verdict.IsValid ? AwsErrors.Signature(verdict, incoming.Protocol)
            : request.Headers.TryGetValue("smithy-protocol", out var smithy) ? new LabError("UnknownOperationException",
                $"The lab does not speak {smithy}; configure the client for awsJson1_0 or awsQuery.")
            : incoming.Service is null ? new LabError("UnrecognizedService",
                $"The lab does not serve the service '{incoming.ServiceName}'; it serves {string.Join(", ", _services.Keys)}.")
            : !incoming.Service.Protocols.Contains(incoming.Protocol) || incoming.Operation is null
                ? AwsErrors.UnknownOperation(incoming.Protocol, incoming.Operation ?? incoming.Target ?? request.Method + " " + incoming.Path)
            : null;
        if (rejection is not null)
        {
            await RejectAsync(context, incoming, rejection, principal);
            return;
        }

        var call = new AwsCall(incoming.ServiceName, incoming.Region, incoming.Protocol, incoming.Operation!, incoming.RequestId,
            request.Method, incoming.Path, incoming.Parameters, incoming.Signed.Body) { Caller = principal };
        var reply = world.Transact(state => Serve(state, incoming.Service!, call, principal!));
        if (reply is null)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, reply);
    }

    /// <summary>Everything about a request that dispatch needs, read before the signature is checked.</summary>
    private sealed record IncomingRequest(
        SignedRequest Signed,
        AwsProtocol Protocol,
        string ServiceName,
        IAwsService? Service,
        string Region,
        string Path,
        string? Target,
        string? Operation,
        IReadOnlyDictionary<string, string> Parameters,
        string RequestId);

    private async Task<IncomingRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var target = request.Headers["X-Amz-Target"].ToString();
        var scope = SigV4Verifier.PeekScope(request.Headers.Authorization.ToString());
        var path = request.Path.Value ?? "/";
        var protocol = target.Length > 0
            ? AwsProtocol.Json
            : string.Equals(scope?.Service, "route53", StringComparison.Ordinal) || path.StartsWith("/2013-04-01/", StringComparison.Ordinal)
                ? AwsProtocol.RestXml
                : AwsProtocol.Query;
        var serviceName = scope?.Service ?? (protocol == AwsProtocol.RestXml ? "route53" : "unknown");
        var service = _services.GetValueOrDefault(serviceName);
        var parameters = protocol switch
        {
            AwsProtocol.Query => QueryParameters.ParseForm(rawQuery)
                .Concat(QueryParameters.ParseForm(Encoding.UTF8.GetString(body)))
                .GroupBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            AwsProtocol.RestXml => QueryParameters.ParseForm(rawQuery),
            _ => new Dictionary<string, string>(StringComparer.Ordinal),
        };
        var operation = protocol switch
        {
            AwsProtocol.Query => parameters.GetValueOrDefault("Action"),
            AwsProtocol.Json => JsonOperation(target, service?.JsonTargetPrefix),
            _ => service?.RestOperation(request.Method, path),
        };
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => (IReadOnlyList<string>)h.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.OrdinalIgnoreCase);
        return new IncomingRequest(
            new SignedRequest(request.Method, rawPath, rawQuery, headers, body), protocol, serviceName, service,
            scope?.Region ?? "unknown", path, target.Length > 0 ? target : null, operation, parameters, Guid.NewGuid().ToString());
    }

    private AwsReply? Serve(WorldState state, IAwsService service, AwsCall call, IamPrincipal principal)
    {
        AwsReply reply;
        string? outcome = null;
        if (!service.IsGlobal && !state.Definition.IsLabRegion(call.Region) && !service.AdditionalRegions.Contains(call.Region))
        {
            reply = AwsErrors.Reply(call.Protocol, call.Service, new LabError(
                call.Protocol == AwsProtocol.Json ? "UnrecognizedClientException" : "InvalidClientTokenId",
                $"The security token included in the request is invalid: the lab serves Regions {string.Join(" and ", state.Definition.Regions)}, not {call.Region}.",
                call.Protocol == AwsProtocol.Json ? 400 : 403), call.RequestId);
        }
        else if (!service.IsGlobal && !state.IsReachableFromObserver(call.Region))
        {
            Log(state, call, AbortedOutcome, 0, $"{call.Region} is unreachable from {state.ObserverRegion}", principal);
            return null;
        }
        else if (!service.IsReachable(state.Conditions))
        {
            Log(state, call, AbortedOutcome, 0, $"the {call.Service} API endpoint is unreachable", principal);
            return null;
        }
        else if (Authorize(state, call, principal) is { } refusal)
        {
            (reply, outcome) = refusal;
        }
        else if (state.Faults.FailingRequestFault(call.Service, call.Region, call.Operation, state.Now) is { } fault)
        {
            var error = fault.Kind == FaultKind.Throttling ? AwsErrors.Throttling(call.Service) : AwsErrors.ServiceUnavailable();
            reply = AwsErrors.Reply(call.Protocol, call.Service, error, call.RequestId) with { LogDetail = $"fault {fault.Id}" };
        }
        else
        {
            try
            {
                reply = service.Handle(call, state);
            }
            catch (LabError error)
            {
                reply = AwsErrors.Reply(call.Protocol, call.Service, error, call.RequestId) with { LogDetail = error.Message };
            }
        }

        Log(state, call, outcome ?? reply.ErrorCode ?? "OK", reply.Status, reply.LogDetail, principal);
        return reply;
    }

    /// <summary>
    /// The service's error reply and the logged outcome when IAM refuses the call (AccessDenied) or the request cannot
    /// be read to authorise it (the service's validation error); null when the call is allowed.
    /// </summary>
    private (AwsReply Reply, string Outcome)? Authorize(WorldState state, AwsCall call, IamPrincipal principal)
    {
        try
        {
            if (authorizer.Authorize(principal, call, state) is not { } denial)
            {
                return null;
            }

            var error = AccessDeniedErrors.For(call, denial);
            return (AwsErrors.Reply(call.Protocol, call.Service, error, call.RequestId) with { LogDetail = $"{error.Code}: {error.Message}" },
                AccessDeniedOutcome);
        }
        catch (LabError error)
        {
            return (AwsErrors.Reply(call.Protocol, call.Service, error, call.RequestId) with { LogDetail = error.Message }, error.Code);
        }
    }

    private static void Log(WorldState state, AwsCall call, string outcome, int status, string? detail, IamPrincipal principal) =>
        state.Requests.Add(new LoggedRequest(
            state.Now, call.Service, call.Operation, call.Region, outcome, status, call.RequestId, detail, principal.RoleArn));

    private async Task RejectAsync(HttpContext context, IncomingRequest incoming, LabError error, IamPrincipal? principal)
    {
        var reply = AwsErrors.Reply(incoming.Protocol, incoming.ServiceName, error, incoming.RequestId);
        world.Transact(state =>
        {
            state.Requests.Add(new LoggedRequest(state.Now, incoming.ServiceName, incoming.Operation ?? incoming.Target ?? "?",
                incoming.Region, error.Code, error.HttpStatus, incoming.RequestId, error.Message, principal?.RoleArn));
            return 0;
        });
        await WriteAsync(context, reply);
    }

    private static string? JsonOperation(string target, string? prefix)
    {
        var dot = target.LastIndexOf('.');
        return prefix is not null && dot > 0 && string.Equals(target[..dot], prefix, StringComparison.Ordinal)
            ? target[(dot + 1)..]
            : null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, AwsReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        await response.WriteAsync(reply.Body, Encoding.UTF8, context.RequestAborted);
    }
}
