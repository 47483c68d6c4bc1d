using System.Diagnostics;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>
/// The three functions' Native AOT bootstraps for linux-x64, published once per test run with
/// <c>scripts/publish-functions.sh</c> (skipped when the existing ones are newer than every source they are built
/// from). <c>DRLAMBDAS_FUNCTIONS_DIR</c> points at prebuilt ones instead (<c>DIR/&lt;Name&gt;/linux-x64/bootstrap</c>).
/// </summary>
internal static class FunctionBinaries
{
    public static readonly string[] Names = ["HealthValidator", "AuroraPromoter", "DnsUpdater"];

    private static readonly string[] SharedSources = ["src/Shared", "src/Runtime", "src/Aws", "src/Functions.Common"];

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string PathOf(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("DRLAMBDAS_FUNCTIONS_DIR") ?? Path.Combine(Repository.Root, "artifacts", "functions"),
            name, "linux-x64", "bootstrap");

    public static async Task EnsurePublishedAsync()
    {
        if (Environment.GetEnvironmentVariable("DRLAMBDAS_FUNCTIONS_DIR") is not null)
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            foreach (var name in Names.Where(IsStale))
            {
                await PublishAsync(name);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsStale(string name)
    {
        var bootstrap = new FileInfo(PathOf(name));
        if (!bootstrap.Exists)
        {
            return true;
        }

        var newestSource = SharedSources.Append($"src/{name}")
            .Select(folder => new DirectoryInfo(Path.Combine(Repository.Root, folder)))
            .SelectMany(folder => folder.EnumerateFiles("*", SearchOption.AllDirectories))
            .Where(file => file.Extension is ".cs" or ".csproj" && !IsBuildOutput(file))
            .Append(new FileInfo(Path.Combine(Repository.Root, "Directory.Build.props")))
            .Append(new FileInfo(Path.Combine(Repository.Root, "Directory.Packages.props")))
            .Max(file => file.LastWriteTimeUtc);
        return newestSource > bootstrap.LastWriteTimeUtc;
    }

    private static bool IsBuildOutput(FileInfo file) =>
        file.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static async Task PublishAsync(string name)
    {
        var start = new ProcessStartInfo("bash", ["scripts/publish-functions.sh", "--rid", "linux-x64", "--function", name])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {name} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
