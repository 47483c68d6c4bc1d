namespace DrLambdas.LambdaEmulator.InvokeApi;

/// <summary>Reads the function name from the Invoke API's FunctionName (name, name:qualifier, or ARN).</summary>
internal static class FunctionNames
{
    public static string FromInvokePath(string functionName)
    {
        var value = Uri.UnescapeDataString(functionName);
        const string ArnMarker = ":function:";
        var marker = value.IndexOf(ArnMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            value = value[(marker + ArnMarker.Length)..];
        }

        var qualifier = value.IndexOf(':', StringComparison.Ordinal);
        return qualifier >= 0 ? value[..qualifier] : value;
    }
}
