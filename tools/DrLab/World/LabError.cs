namespace DrLambdas.DrLab.World;

/// <summary>
/// An AWS error the lab answers with: the service's error code, its message, the HTTP status and whether the caller
/// (Sender) or the service (Receiver) is at fault. The wire protocol decides the shape.
/// </summary>
internal sealed class LabError : Exception
{
    public LabError(string code, string message, int httpStatus = 400, bool senderFault = true)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
        SenderFault = senderFault;
    }

    public string Code { get; }

    public int HttpStatus { get; }

    public bool SenderFault { get; }
}
