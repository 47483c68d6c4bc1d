using System.Text.RegularExpressions;

namespace DrLambdas.Shared.Tests.Support;

/// <summary>Reads the configuration table of <c>docs/contracts.md</c>, so code and contract cannot drift apart.</summary>
internal static partial class ContractsDocument
{
    [GeneratedRegex(@"^\| `(?<name>(AWS|DR)_[A-Z_]+)` \| (?<default>[^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex VariableRow();

    [GeneratedRegex("^`(?<value>[^`]+)`$|^(?<value>[0-9]+)$")]
    private static partial Regex DefaultValue();

    public static IReadOnlyList<string> ConfigurationVariables() =>
        Rows().Select(row => row.Name).ToList();

    /// <summary>The variables with a literal default (not "required", "optional" or set by Lambda), by name.</summary>
    public static IReadOnlyDictionary<string, string> ConfigurationDefaults() => Rows()
        .Select(row => (row.Name, Match: DefaultValue().Match(row.Default)))
        .Where(row => row.Match.Success)
        .ToDictionary(row => row.Name, row => row.Match.Groups["value"].Value);

    private static IEnumerable<(string Name, string Default)> Rows()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "contracts.md"));
        var section = text[text.IndexOf("## 2. Configuration", StringComparison.Ordinal)..text.IndexOf("## 3.", StringComparison.Ordinal)];
        return VariableRow().Matches(section).Select(match => (match.Groups["name"].Value, match.Groups["default"].Value.Trim()));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "contracts.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("docs/contracts.md not found above " + AppContext.BaseDirectory);
    }
}
