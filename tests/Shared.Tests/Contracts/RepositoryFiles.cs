using System.Text.Json.Nodes;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Reads files of the repository (sample events, state machines) the contract tests use as fixtures.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string ReadText(string relativePath) =>
        File.ReadAllText(Path.Combine(Root.Value, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static JsonObject ReadObject(string relativePath) =>
        JsonNode.Parse(ReadText(relativePath))?.AsObject()
        ?? throw new InvalidOperationException(relativePath + " holds JSON null, not an object");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DrLambdas.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DrLambdas.sln not found above " + AppContext.BaseDirectory);
    }
}
