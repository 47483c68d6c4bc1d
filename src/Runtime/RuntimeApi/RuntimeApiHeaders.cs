namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>Header names of the Lambda Runtime API 2018-06-01 (matched case-insensitively).</summary>
public static class RuntimeApiHeaders
{
    /// <summary>The invocation's request id.</summary>
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>The deadline in Unix milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    /// <summary>The ARN the caller invoked (function, version or alias).</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    /// <summary>The X-Ray tracing header.</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";

    /// <summary>Client context (mobile SDK invocations), JSON.</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";

    /// <summary>Cognito identity (mobile SDK invocations), JSON.</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    /// <summary>The error type of an invocation or init error report.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Content type of error reports.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
