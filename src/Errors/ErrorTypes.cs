namespace DrLambdas.Errors;

/// <summary>
/// Stable error type names reported to Step Functions as <c>errorType</c>; the ASL <c>Retry</c> and
/// <c>Catch</c> clauses match these strings, so they must never change.
/// </summary>
public static class ErrorTypes
{
    /// <summary>Malformed or unknown input, or an unknown operation.</summary>
    public const string InputValidation = "InputValidationException";

    /// <summary>Invalid configuration, reported at init.</summary>
    public const string Configuration = "ConfigurationException";

    /// <summary>Throttling, 5xx or network failure that outlived the client's own retries.</summary>
    public const string AwsTransient = "AwsTransientException";

    /// <summary>Any other AWS error.</summary>
    public const string AwsService = "AwsServiceException";

    /// <summary>A compare-and-swap was lost or a conflicting operation is running.</summary>
    public const string Conflict = "ConflictException";

    /// <summary>A failback step's health gate saw a regression.</summary>
    public const string HealthGateFailed = "HealthGateFailedException";

    /// <summary>Lambda service error.</summary>
    public const string LambdaService = "Lambda.ServiceException";

    /// <summary>Lambda service error.</summary>
    public const string LambdaAws = "Lambda.AWSLambdaException";

    /// <summary>Lambda client error.</summary>
    public const string LambdaSdkClient = "Lambda.SdkClientException";

    /// <summary>Lambda throttling.</summary>
    public const string LambdaTooManyRequests = "Lambda.TooManyRequestsException";

    /// <summary>The function process crashed or returned nothing usable.</summary>
    public const string LambdaUnknown = "Lambda.Unknown";
}
