namespace DrLambdas.DrLab.Iam;

/// <summary>The outcome of evaluating identity-based policies for one request.</summary>
internal enum Decision
{
    Allowed,
    ExplicitDeny,
    ImplicitDeny,
}

/// <summary>One request as IAM sees it: the action, the resource ARN and the request context (condition keys).</summary>
/// <param name="Action">service:Operation, for example route53:ChangeResourceRecordSets.</param>
/// <param name="Resource">The resource ARN, or "*" for actions without resource types.</param>
/// <param name="Context">Context keys (compared case-insensitively, as IAM does) and their values.</param>
internal sealed record AuthorizationRequest(string Action, string Resource, IReadOnlyDictionary<string, IReadOnlyList<string>> Context)
{
    /// <summary>A context dictionary with IAM's case-insensitive key names.</summary>
    public static Dictionary<string, IReadOnlyList<string>> NewContext() => new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The decision and the statement that made it (the deny or the allow; none for an implicit deny).</summary>
internal sealed record EvaluationResult(Decision Decision, NamedPolicy? Policy, PolicyStatement? Statement);

/// <summary>
/// IAM's policy evaluation logic for identity-based policies in one account: an applicable Deny statement wins
/// (explicit deny); otherwise an applicable Allow statement allows; otherwise the request is implicitly denied.
/// A statement applies when its Action (or NotAction), Resource (or NotResource) and every condition match.
/// </summary>
internal static class PolicyEvaluator
{
    public static EvaluationResult Evaluate(IEnumerable<NamedPolicy> policies, AuthorizationRequest request)
    {
        EvaluationResult? allow = null;
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Document.Statements)
            {
                if (!Applies(statement, request))
                {
                    continue;
                }

                if (statement.Effect == PolicyEffect.Deny)
                {
                    return new EvaluationResult(Decision.ExplicitDeny, policy, statement);
                }

                allow ??= new EvaluationResult(Decision.Allowed, policy, statement);
            }
        }

        return allow ?? new EvaluationResult(Decision.ImplicitDeny, null, null);
    }

    /// <summary>Whether the statement matches the request's action, resource and context.</summary>
    public static bool Applies(PolicyStatement statement, AuthorizationRequest request) =>
        MatchesAny(statement.Actions, p => Wildcard.ActionMatches(p, request.Action))
        && MatchesAny(statement.Resources, p => Wildcard.ResourceMatches(p, request.Resource))
        && statement.Conditions.All(c => c.Operator.Evaluate(c.Values, request.Context.GetValueOrDefault(c.Key)));

    private static bool MatchesAny(PatternList list, Func<string, bool> matches)
    {
        var any = list.Patterns.Any(matches);
        return list.Negated ? !any : any;
    }
}
