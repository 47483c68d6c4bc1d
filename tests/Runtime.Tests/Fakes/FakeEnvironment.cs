using DrLambdas.Runtime.Hosting;

namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>An in-memory environment; records every value each variable was set to.</summary>
internal sealed class FakeEnvironment : ILambdaEnvironment
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public FakeEnvironment(params (string Name, string Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _variables[name] = value;
        }
    }

    public List<(string Name, string? Value)> Assignments { get; } = [];

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public void SetVariable(string name, string? value)
    {
        _variables[name] = value;
        Assignments.Add((name, value));
    }
}
