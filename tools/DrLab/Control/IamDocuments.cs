namespace DrLambdas.DrLab.Control;

/// <summary>A deployed role and the SigV4 key pair that acts as it.</summary>
internal sealed record RoleKeysDocument(string Arn, string AccessKeyId, string SecretAccessKey);

/// <summary>The answer of PUT and GET /_lab/iam/roles.</summary>
internal sealed record RoleListDocument(IReadOnlyList<RoleKeysDocument> Roles);

/// <summary>The answer of POST /_lab/iam/simulate: allowed, explicitDeny or implicitDeny, and the deciding statement.</summary>
internal sealed record SimulationDocument(string Decision, string? MatchedStatement);
