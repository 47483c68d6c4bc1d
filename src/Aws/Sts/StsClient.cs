using DrLambdas.Aws.Protocols;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Sts;

/// <summary>
/// STS over awsQuery (API version 2011-06-15) on the Regional endpoint. A thin client rather than AWSSDK.SecurityToken:
/// one read-only call, sent through the same transport (endpoints, retries, typed errors) as every other client.
/// </summary>
internal sealed class StsClient(AwsServiceTransport transport) : IStsClient
{
    private const string ApiVersion = "2011-06-15";
    private readonly AwsQueryProtocol _query = new(transport, ApiVersion);

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default) =>
        _query.InvokeAsync(
            "GetCallerIdentity",
            new AwsQueryParameters(),
            null,
            result => new CallerIdentity(result.RequiredText("Arn"), result.RequiredText("Account"), result.RequiredText("UserId")),
            cancellationToken);
}
