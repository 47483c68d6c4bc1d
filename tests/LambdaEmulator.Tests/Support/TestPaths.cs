using System.Reflection;

namespace DrLambdas.LambdaEmulator.Tests.Support;

/// <summary>Where the repository, the echo fixture's JIT build and the emulator's build are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The framework-dependent (JIT) apphost of tests/fixtures/EchoFunction, built with the tests.</summary>
    public static string EchoJitBootstrap { get; } =
        Path.Combine(RepositoryRoot, "tests", "fixtures", "EchoFunction", "bin", Configuration, "net10.0", "bootstrap");

    public static string EchoProject { get; } = Path.Combine(RepositoryRoot, "tests", "fixtures", "EchoFunction", "EchoFunction.csproj");

    public static string EmulatorDll { get; } =
        Path.Combine(RepositoryRoot, "tools", "LambdaEmulator", "bin", Configuration, "net10.0", "DrLambdas.LambdaEmulator.dll");

    public static string EventsDirectory { get; } = Path.Combine(RepositoryRoot, "events");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
