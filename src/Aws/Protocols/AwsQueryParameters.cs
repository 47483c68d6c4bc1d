using System.Globalization;
using System.Text;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Protocols;

/// <summary>
/// The form parameters of an awsQuery request, in insertion order. Lists use the model's member name
/// (<c>AlarmNames.member.1</c>, <c>Filters.Filter.1.Name</c>), maps use <c>entry.N.Name</c>/<c>entry.N.Value</c>.
/// </summary>
internal sealed class AwsQueryParameters
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _parameters;

    public AwsQueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public AwsQueryParameters Add(string name, bool? value) =>
        value is { } flag ? Add(name, flag ? "true" : "false") : this;

    public AwsQueryParameters Add(string name, int? value) =>
        value is { } number ? Add(name, number.ToString(CultureInfo.InvariantCulture)) : this;

    public AwsQueryParameters Add(string name, DateTimeOffset? value) =>
        value is { } time ? Add(name, AwsXml.FormatTimestamp(time)) : this;

    /// <summary>Adds <c>{prefix}.{memberName}.{n}</c> = value for each value, n from 1.</summary>
    public AwsQueryParameters AddList(string prefix, string memberName, IEnumerable<string> values)
    {
        var index = 0;
        foreach (var value in values)
        {
            Add(ListKey(prefix, memberName, ++index), value);
        }

        return this;
    }

    public static string ListKey(string prefix, string memberName, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.{memberName}.{index}");

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, RFC 3986 percent-encoded as the SDKs send it.</summary>
    public string ToFormBody()
    {
        var body = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }
}
