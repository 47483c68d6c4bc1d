using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DrLambdas.DnsUpdater.Tests.Support;

/// <summary>
/// The statements of a role's inline policies in <c>template.yaml</c>, with <c>!Ref</c> and <c>!Sub</c> of
/// parameters and pseudo parameters resolved from the given values (the template is read, never copied).
/// </summary>
internal sealed partial class TemplatePolicy
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private TemplatePolicy(IReadOnlyList<YamlMappingNode> statements, IReadOnlyDictionary<string, string> values)
    {
        Statements = statements;
        _values = values;
    }

    public IReadOnlyList<YamlMappingNode> Statements { get; }

    public static string RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DrLambdas.sln")))
            {
                return Path.Combine(directory.FullName, relativePath.Replace('/', Path.DirectorySeparatorChar));
            }
        }

        throw new InvalidOperationException("DrLambdas.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every statement of <paramref name="role"/>'s inline policies.</summary>
    public static TemplatePolicy OfRole(string role, IReadOnlyDictionary<string, string> values)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(RepositoryFile("template.yaml"))))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var properties = (YamlMappingNode)Child(Child(Child(root, "Resources"), role), "Properties");
        var statements = ((YamlSequenceNode)Child(properties, "Policies"))
            .Cast<YamlMappingNode>()
            .SelectMany(policy => (YamlSequenceNode)Child(Child(policy, "PolicyDocument"), "Statement"))
            .Cast<YamlMappingNode>()
            .ToList();
        return new TemplatePolicy(statements, values);
    }

    /// <summary>The statements whose Action names <paramref name="action"/>.</summary>
    public IReadOnlyList<YamlMappingNode> Granting(string action) =>
        Statements.Where(statement => Strings(Child(statement, "Action")).Contains(action, StringComparer.Ordinal)).ToList();

    /// <summary>A node as a list of resolved strings (a scalar is a list of one).</summary>
    public IReadOnlyList<string> Strings(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.SelectMany(Strings).ToList(),
        YamlScalarNode scalar => [Resolve(scalar)],
        _ => throw new InvalidOperationException($"Unexpected policy node {node}"),
    };

    public static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new KeyNotFoundException($"'{key}' not found in {node.Start}");

    private string Resolve(YamlScalarNode scalar) => scalar.Tag.IsEmpty
        ? scalar.Value!
        : scalar.Tag.Value switch
        {
            "!Ref" => Value(scalar.Value!),
            "!Sub" => Substitution().Replace(scalar.Value!, match => Value(match.Groups[1].Value)),
            var tag => throw new InvalidOperationException($"Unsupported intrinsic {tag} in a policy"),
        };

    private string Value(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No value for parameter {name}");

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)\}")]
    private static partial Regex Substitution();
}
