namespace DrLambdas.Aws.Route53;

/// <summary>Propagation status of a Route 53 change.</summary>
public enum ChangeStatus
{
    /// <summary>Not yet applied to all Route 53 authoritative servers.</summary>
    Pending,

    /// <summary>Applied everywhere.</summary>
    InSync,
}

/// <summary>A submitted change batch.</summary>
/// <param name="Id">The change id as returned, e.g. <c>/change/C2682N5HXP0BZ4</c>.</param>
/// <param name="Status">Pending or in sync.</param>
/// <param name="SubmittedAt">When Route 53 accepted the batch.</param>
/// <param name="Comment">The batch's comment, if any.</param>
public sealed record ChangeInfo(string Id, ChangeStatus Status, DateTimeOffset SubmittedAt, string? Comment);
