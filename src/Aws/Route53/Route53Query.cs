using System.Text;

namespace DrLambdas.Aws.Route53;

/// <summary>Builds a restXml query string from the parameters that have a value.</summary>
internal static class Route53Query
{
    public static string? Build(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? string.Empty : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.Length == 0 ? null : query.ToString();
    }
}
