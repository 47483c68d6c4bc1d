using DrLambdas.DrLab.Iam;

namespace DrLambdas.DrLab.Tests.Iam;

/// <summary>Builds policies and requests for the evaluator tests.</summary>
internal static class Policies
{
    public static IReadOnlyList<NamedPolicy> Of(string json) => [new NamedPolicy("test", PolicyParser.Parse(json))];

    public static AuthorizationRequest Request(string action, string resource = "*", params (string Key, string[] Values)[] context)
    {
        var values = AuthorizationRequest.NewContext();
        foreach (var (key, list) in context)
        {
            values[key] = list;
        }

        return new AuthorizationRequest(action, resource, values);
    }

    public static Decision Decide(string policyJson, AuthorizationRequest request) =>
        PolicyEvaluator.Evaluate(Of(policyJson), request).Decision;
}
