using DrLambdas.LambdaEmulator.Functions;

namespace DrLambdas.LambdaEmulator.Tests.Functions;

public sealed class ProcMemoryTests
{
    [Fact]
    public void ParsePeakResidentKb_StatusText_ReturnsVmHwm()
    {
        const string Status = "Name:\tbootstrap\nVmPeak:\t  123456 kB\nVmHWM:\t    9696 kB\nVmRSS:\t    9500 kB\n";

        Assert.Equal(9696, ProcMemory.ParsePeakResidentKb(Status));
    }

    [Fact]
    public void ParsePeakResidentKb_NoVmHwmLine_ReturnsNull() =>
        Assert.Null(ProcMemory.ParsePeakResidentKb("Name:\tkthreadd\nState:\tS (sleeping)\n"));

    [Fact]
    public void PeakResidentKb_CurrentProcess_IsPositive() =>
        Assert.True(ProcMemory.PeakResidentKb(Environment.ProcessId) > 0);

    [Fact]
    public void PeakResidentKb_NoSuchProcess_ReturnsNull() =>
        Assert.Null(ProcMemory.PeakResidentKb(int.MaxValue));
}
