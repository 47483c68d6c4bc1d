namespace DrLambdas.DrLab.Iam;

/// <summary>A policy document that IAM would refuse; carries every problem found.</summary>
internal sealed class PolicyDocumentException : Exception
{
    public PolicyDocumentException(IReadOnlyList<string> problems)
        : base("Invalid policy document: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
