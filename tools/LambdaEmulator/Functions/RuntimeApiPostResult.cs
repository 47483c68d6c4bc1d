namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>What the emulated Runtime API answers to a runtime's POST.</summary>
internal enum RuntimeApiPostResult
{
    /// <summary>202 Accepted.</summary>
    Accepted,

    /// <summary>400: the request id is not the invocation in flight.</summary>
    InvalidRequestId,

    /// <summary>413: the response exceeds the 6 MB limit (the invocation fails with Function.ResponseSizeTooLarge).</summary>
    PayloadTooLarge,
}
