namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>A POST the runtime made to the fake Runtime API.</summary>
internal sealed record RecordedPost(string Path, string? ContentType, string? ErrorTypeHeader, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
