namespace DrLambdas.Aws.Route53;

/// <summary>A change action on a record set.</summary>
public enum ChangeAction
{
    /// <summary>Create; fails if the record set exists.</summary>
    Create,

    /// <summary>Delete; the record set must match exactly.</summary>
    Delete,

    /// <summary>Create or replace.</summary>
    Upsert,
}

/// <summary>One change of a batch.</summary>
/// <param name="Action">What to do.</param>
/// <param name="RecordSet">The record set to create, delete or upsert.</param>
public sealed record ResourceRecordSetChange(ChangeAction Action, ResourceRecordSet RecordSet);

/// <summary>Changes applied atomically by <c>ChangeResourceRecordSets</c>.</summary>
/// <param name="Changes">At least one change.</param>
/// <param name="Comment">Optional note stored with the change (e.g. the incident id).</param>
public sealed record ChangeBatch(IReadOnlyList<ResourceRecordSetChange> Changes, string? Comment = null);
