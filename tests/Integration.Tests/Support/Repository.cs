namespace DrLambdas.Integration.Tests.Support;

/// <summary>Where things are in the repository and which build configuration the tests run under.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string DrLabDll => Path.Combine(Root, "tools", "DrLab", "bin", Configuration, "net10.0", "DrLambdas.DrLab.dll");

    public static string EmulatorDll => Path.Combine(Root, "tools", "LambdaEmulator", "bin", Configuration, "net10.0", "DrLambdas.LambdaEmulator.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DrLambdas.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"DrLambdas.sln not found above {AppContext.BaseDirectory}");
    }
}
