using System.Globalization;
using System.Security.Cryptography;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>Creates X-Ray trace headers like Lambda does when the caller sends none.</summary>
internal static class TraceIds
{
    /// <summary><c>Root=1-{epoch seconds hex}-{96-bit random hex};Parent={64-bit hex};Sampled=0</c>.</summary>
    public static string NewHeader(DateTimeOffset now)
    {
        var epoch = now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var root = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var parent = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return $"Root=1-{epoch}-{root};Parent={parent};Sampled=0";
    }
}
