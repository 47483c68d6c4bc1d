using DrLambdas.LambdaEmulator.Configuration;

namespace DrLambdas.LambdaEmulator.Tests.Configuration;

public sealed class FunctionSpecTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("drlambdas-spec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_NameEqualsPath_ReturnsNameAndFullPath()
    {
        var bootstrap = CreateBootstrap("any");

        var (name, path) = FunctionSpec.Parse($"DnsUpdater={bootstrap}");

        Assert.Equal("DnsUpdater", name);
        Assert.Equal(bootstrap, path);
    }

    [Fact]
    public void Parse_BarePath_DerivesTheNameFromTheDirectories()
    {
        var bootstrap = CreateBootstrap(Path.Combine("functions", "AuroraPromoter", "linux-arm64"));

        var (name, _) = FunctionSpec.Parse(bootstrap);

        Assert.Equal("AuroraPromoter", name);
    }

    [Theory]
    [InlineData("/repo/artifacts/functions/DnsUpdater/linux-x64/bootstrap", "DnsUpdater")]
    [InlineData("/repo/src/HealthValidator/bin/Release/net10.0/linux-x64/publish/bootstrap", "HealthValidator")]
    [InlineData("/tmp/echo-aot/bootstrap", "echo-aot")]
    public void NameFromPath_SkipsBuildAndRuntimeDirectories(string path, string expected) =>
        Assert.Equal(expected, FunctionSpec.NameFromPath(path));

    [Fact]
    public void Parse_MissingBootstrap_Throws() =>
        Assert.Throws<EmulatorConfigurationException>(() => FunctionSpec.Parse($"x={Path.Combine(_directory, "missing")}"));

    [Theory]
    [InlineData("bad name")]
    [InlineData("dots.are.invalid")]
    public void Parse_InvalidName_Throws(string name) =>
        Assert.Throws<EmulatorConfigurationException>(() => FunctionSpec.Parse($"{name}={CreateBootstrap("n")}"));

    private string CreateBootstrap(string relativeDirectory)
    {
        var directory = Path.Combine(_directory, relativeDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }
}
