namespace DrLambdas.DrLab.World;

/// <summary>One change of a ChangeResourceRecordSets batch.</summary>
internal sealed record RecordChange(string Action, ResourceRecordSet RecordSet);

/// <summary>A submitted change batch and when Route 53 reports it INSYNC.</summary>
internal sealed record ChangeRecord(
    string Id,
    DateTimeOffset SubmittedAt,
    DateTimeOffset InsyncAt,
    string? Comment,
    IReadOnlyList<RecordChange> Changes)
{
    /// <summary>The API's form of the id.</summary>
    public string ApiId => "/change/" + Id;

    public string StatusAt(DateTimeOffset now) => now >= InsyncAt ? "INSYNC" : "PENDING";
}
