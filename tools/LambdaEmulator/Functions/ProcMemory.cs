using System.Globalization;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>Reads a process's peak resident set size (VmHWM) from <c>/proc/PID/status</c> on Linux.</summary>
internal static class ProcMemory
{
    /// <summary>Peak RSS in KiB, or <see langword="null"/> when /proc is unavailable or the process is gone.</summary>
    public static long? PeakResidentKb(int processId)
    {
        try
        {
            return ParsePeakResidentKb(File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The VmHWM value of a <c>/proc/PID/status</c> text.</summary>
    public static long? ParsePeakResidentKb(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line["VmHWM:".Length..].Trim();
            var number = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
        }

        return null;
    }
}
