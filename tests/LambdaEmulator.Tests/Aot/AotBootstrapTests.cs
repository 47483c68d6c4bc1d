using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DrLambdas.LambdaEmulator.InvokeApi;
using DrLambdas.LambdaEmulator.Tests.Support;

namespace DrLambdas.LambdaEmulator.Tests.Aot;

[Collection(AotPublishGroup.Name)]
public sealed partial class AotBootstrapTests(AotEchoPublish publish)
{
    /// <summary>glibc of the provided.al2023 runtime.</summary>
    private static readonly Version MaxGlibc = new(2, 34);

    [Fact]
    public void Publish_EchoFunction_SucceedsWithZeroWarnings()
    {
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(publish.Warnings.Count == 0, string.Join('\n', publish.Warnings));
        Assert.True(File.Exists(publish.Bootstrap), publish.Output);
    }

    [Fact]
    public async Task Bootstrap_DynamicSymbols_NeedNoGlibcNewerThan2_34()
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync("objdump", ["-T", publish.Bootstrap], TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, stderr);
        var versions = GlibcVersion().Matches(stdout).Select(match => Version.Parse(match.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(versions);
        var newest = versions.Max()!;
        Assert.True(newest <= MaxGlibc, $"bootstrap needs GLIBC_{newest}; provided.al2023 has {MaxGlibc}.");
    }

    [Fact]
    public async Task Bootstrap_InvokedThroughTheEmulator_AnswersAndFitsTheMemoryBudget()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(publish.Bootstrap);

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"echo\",\"message\":\"native\"}");

        Assert.Null(response.Header("X-Amz-Function-Error"));
        Assert.Equal("native", body.GetProperty("message").GetString());
        var peakKb = long.Parse(response.Header(EmulatorHeaders.MaxMemoryUsedKb)!, CultureInfo.InvariantCulture);
        Assert.InRange(peakKb, 1, 40 * 1024);
    }

    [Fact]
    public async Task Bootstrap_HandlerThrows_ErrorTypeSurvivesTrimming()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync(publish.Bootstrap);

        var (response, body) = await emulator.InvokeJsonAsync("{\"action\":\"throw\"}");

        Assert.Equal("Unhandled", response.Header("X-Amz-Function-Error"));
        Assert.Equal("EchoFailureException", body.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Bootstrap_Zipped_IsUnderTenMegabytes()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(publish.Bootstrap, "bootstrap", CompressionLevel.SmallestSize);
        }

        Assert.InRange(zip.Length, 1, 10 * 1024 * 1024);
    }

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex GlibcVersion();
}
