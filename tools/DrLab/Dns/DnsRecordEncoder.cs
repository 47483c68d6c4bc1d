using System.Globalization;
using System.Text;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Dns;

/// <summary>
/// Turns a lab record set into DNS resource records through ARSoft's master-file parser, so every record type the
/// hosted zone accepts is encoded by the library from its presentation format (Route 53's value syntax).
/// </summary>
internal static class DnsRecordEncoder
{
    /// <summary>One resource record per value of <paramref name="set"/>, with its TTL.</summary>
    public static IReadOnlyList<DnsRecordBase> Records(ResourceRecordSet set, string zoneName)
    {
        var ttl = (int)Math.Clamp(set.Ttl ?? 0, 0, int.MaxValue);
        var text = new StringBuilder();
        foreach (var value in set.Values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{set.Name} {ttl} IN {set.Type} {value}\n");
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        return Zone.ParseMasterFile(DomainName.Parse(zoneName), stream).ToList();
    }
}
