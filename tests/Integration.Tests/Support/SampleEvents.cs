using System.Text.Json.Nodes;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>The sample events under <c>events/</c>, named by their path relative to that folder (<c>DnsUpdater/apply.json</c>).</summary>
internal static class SampleEvents
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "events");

    /// <summary>The sample events of one folder whose file name starts with <paramref name="prefix"/>, in name order.</summary>
    public static IEnumerable<string> In(string folder, string prefix = "") =>
        Directory.EnumerateFiles(Path.Combine(Folder, folder), $"{prefix}*.json")
            .Select(path => Path.GetRelativePath(Folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The function a sample event is for: its folder.</summary>
    public static string FunctionOf(string sample) => sample[..sample.IndexOf('/', StringComparison.Ordinal)];

    public static JsonNode Read(string sample) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, sample))) ?? throw new InvalidOperationException($"{sample} is JSON null.");

    /// <summary>The node at a dotted path (<c>assessment.decision.action</c>); the empty path is the root.</summary>
    public static JsonNode? At(JsonNode root, string path) =>
        path.Length == 0 ? root : path.Split('.').Aggregate((JsonNode?)root, (node, name) => node?[name]);
}
