namespace DrLambdas.LambdaEmulator.Configuration;

/// <summary>Parses a <c>--function</c> value: <c>NAME=PATH</c>, or a bare <c>PATH</c> whose name is derived.</summary>
internal static class FunctionSpec
{
    private static readonly string[] BuildDirectoryNames = ["publish", "bin", "obj", "Release", "Debug"];

    public static (string Name, string BootstrapPath) Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EmulatorConfigurationException("--function needs NAME=PATH or PATH.");
        }

        var separator = value.IndexOf('=', StringComparison.Ordinal);
        var (name, path) = separator > 0
            ? (value[..separator].Trim(), value[(separator + 1)..].Trim())
            : (null, value.Trim());
        var fullPath = Path.GetFullPath(path);
        name ??= NameFromPath(fullPath);
        if (!IsValidName(name))
        {
            throw new EmulatorConfigurationException($"'{name}' is not a valid Lambda function name (letters, digits, '-' and '_', at most 64).");
        }

        if (!File.Exists(fullPath))
        {
            throw new EmulatorConfigurationException($"The bootstrap of '{name}' does not exist: {fullPath}.");
        }

        return (name, fullPath);
    }

    /// <summary>
    /// The nearest directory name above the bootstrap that is not a build directory or a runtime
    /// identifier: <c>artifacts/functions/DnsUpdater/linux-x64/bootstrap</c> gives <c>DnsUpdater</c>.
    /// </summary>
    public static string NameFromPath(string bootstrapPath)
    {
        for (var directory = Path.GetDirectoryName(bootstrapPath); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            var name = Path.GetFileName(directory);
            if (!IsBuildDirectory(name))
            {
                return name;
            }
        }

        return "function";
    }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsBuildDirectory(string name) =>
        BuildDirectoryNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.StartsWith("linux-", StringComparison.Ordinal)
        || name.StartsWith("net", StringComparison.Ordinal) && name.Length > 3 && char.IsAsciiDigit(name[3]);
}
