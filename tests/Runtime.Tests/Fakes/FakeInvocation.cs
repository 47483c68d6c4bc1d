namespace DrLambdas.Runtime.Tests.Fakes;

/// <summary>An invocation the fake Runtime API hands out, with headers exactly as they go on the wire.</summary>
internal sealed record FakeInvocation(IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Payload)
{
    public static FakeInvocation Standard(string requestId, string payload, long deadlineMs, string? traceId = null)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Lambda-Runtime-Aws-Request-Id", requestId),
            new("Lambda-Runtime-Deadline-Ms", deadlineMs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:ap-northeast-1:111122223333:function:echo"),
        };
        if (traceId is not null)
        {
            headers.Add(new("Lambda-Runtime-Trace-Id", traceId));
        }

        return new FakeInvocation(headers, System.Text.Encoding.UTF8.GetBytes(payload));
    }
}
