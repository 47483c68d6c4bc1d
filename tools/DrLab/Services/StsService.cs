using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// AWS STS (awsQuery, 2011-06-15): GetCallerIdentity, answering with the caller's role session (the lab's keys act
/// as role sessions named <c>drlab</c>): its assumed-role ARN, the role's unique id with the session name, the account.
/// Regional endpoints in the lab's Regions, and the global endpoint (signed for us-east-1).
/// </summary>
internal sealed class StsService : IAwsService
{
    public string SigningName => "sts";

    public bool IsGlobal => false;

    public IReadOnlyCollection<string> AdditionalRegions { get; } = ["us-east-1"];

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Query];

    public string? JsonTargetPrefix => null;

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "GetCallerIdentity" => GetCallerIdentity(call),
        _ => throw AwsErrors.UnknownOperation(AwsProtocol.Query, call.Operation),
    };

    private static AwsReply GetCallerIdentity(AwsCall call)
    {
        var caller = call.Caller ?? throw new LabError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        var reply = QueryReplies.Envelope("sts", call, xml => xml
            .Element("Arn", caller.SessionArn)
            .Element("UserId", RoleUniqueId(caller.RoleArn) + ":" + Iam.IamPrincipal.SessionName)
            .Element("Account", caller.Account));
        return reply with { LogDetail = caller.SessionArn };
    }

    /// <summary>An AROA-style unique id derived from the role ARN (stable across redeployments, like the keys).</summary>
    private static string RoleUniqueId(string roleArn) => "AROA" + Iam.IamRegistry.KeysFor(roleArn).AccessKeyId[4..];
}
