using System.Text;
using System.Xml;
using System.Xml.Linq;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Protocols;

/// <summary>The awsQuery protocol: form-encoded POST to '/', XML response wrapped in <c>&lt;{Action}Result&gt;</c>.</summary>
internal sealed class AwsQueryProtocol(AwsServiceTransport transport, string apiVersion)
{
    /// <summary>
    /// Calls <paramref name="action"/> and maps its <c>{Action}Result</c> element with <paramref name="read"/>; a
    /// missing or malformed field becomes an <see cref="AwsClientErrorCodes.InvalidResponse"/> error.
    /// </summary>
    public async Task<T> InvokeAsync<T>(
        string action, AwsQueryParameters parameters, string? region, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var form = new AwsQueryParameters().Add("Action", action).Add("Version", apiVersion);
        foreach (var (name, value) in parameters.Items)
        {
            form.Add(name, value);
        }

        var body = form.ToFormBody();
        var response = await transport.SendAsync(
            action,
            region,
            endpoint => new HttpRequestMessage(HttpMethod.Post, endpoint.BuildUri("/"))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            },
            cancellationToken);

        try
        {
            var root = AwsXml.Parse(response.Body).Root ?? throw new FormatException("the document is empty");
            return read(root.Child(action + "Result") ?? new XElement(action + "Result"));
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or XmlException)
        {
            throw transport.InvalidResponse(action, response, exception);
        }
    }
}
