namespace DrLambdas.Runtime.Logging;

/// <summary>Reads the X-Ray tracing header (<c>Root=1-...;Parent=...;Sampled=1</c>).</summary>
public static class TraceHeader
{
    /// <summary>
    /// The <c>Root</c> trace id (what X-Ray and CloudWatch search by); the whole header when it has no
    /// <c>Root=</c> part; <see langword="null"/> when there is no header.
    /// </summary>
    public static string? RootOf(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("Root=", StringComparison.OrdinalIgnoreCase))
            {
                return part["Root=".Length..];
            }
        }

        return header.Trim();
    }
}
