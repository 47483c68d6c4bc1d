namespace DrLambdas.DnsUpdater;

/// <summary>Change batch comments as Route 53 accepts them.</summary>
internal static class BatchComment
{
    /// <summary>Route 53 limits change batch comments to 256 characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The comment, cut to <see cref="MaxLength"/> characters when longer.</summary>
    public static string Fit(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Length <= MaxLength)
        {
            return comment;
        }

        // Never cut a surrogate pair in half: the request body would no longer be valid XML.
        var length = char.IsHighSurrogate(comment[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return comment[..length];
    }
}
