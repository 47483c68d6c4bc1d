namespace DrLambdas.LambdaEmulator.Tests.Support;

internal static class HttpHeaderExtensions
{
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
