namespace DrLambdas.DrLab.Iam;

/// <summary>Whether a matching statement grants or refuses the request.</summary>
internal enum PolicyEffect
{
    Allow,
    Deny,
}

/// <summary>A parsed IAM identity-based policy document.</summary>
/// <param name="Version">The policy language version ("2012-10-17", "2008-10-17"), or null when absent.</param>
/// <param name="Statements">The statements in document order.</param>
internal sealed record PolicyDocument(string? Version, IReadOnlyList<PolicyStatement> Statements);

/// <summary>A policy document attached to a role under a name.</summary>
internal sealed record NamedPolicy(string Name, PolicyDocument Document);

/// <summary>One statement of a policy.</summary>
/// <param name="Sid">The statement id, or null.</param>
/// <param name="Index">The zero-based position of the statement in its document.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Actions">Action or NotAction patterns.</param>
/// <param name="Resources">Resource or NotResource patterns.</param>
/// <param name="Conditions">Every condition of the Condition element (all must hold).</param>
internal sealed record PolicyStatement(
    string? Sid,
    int Index,
    PolicyEffect Effect,
    PatternList Actions,
    PatternList Resources,
    IReadOnlyList<PolicyCondition> Conditions)
{
    /// <summary>How the simulator names the statement: its Sid, else its index.</summary>
    public string Label => Sid ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The values of an Action/Resource element, or of its Not- form when <paramref name="Negated"/>.</summary>
internal sealed record PatternList(IReadOnlyList<string> Patterns, bool Negated);

/// <summary>One condition: an operator applied to one context key with the policy's values (OR, or NOR when negated).</summary>
internal sealed record PolicyCondition(ConditionOperator Operator, string Key, IReadOnlyList<string> Values);
