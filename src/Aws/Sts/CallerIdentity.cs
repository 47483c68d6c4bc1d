namespace DrLambdas.Aws.Sts;

/// <summary>Who the credentials in use belong to, as STS <c>GetCallerIdentity</c> answers.</summary>
/// <param name="Arn">The principal's ARN; for a role session the full <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</param>
/// <param name="Account">The account id.</param>
/// <param name="UserId">The unique id of the principal.</param>
public sealed record CallerIdentity(string Arn, string Account, string UserId);
