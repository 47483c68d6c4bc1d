using System.Text;
using System.Text.RegularExpressions;

namespace DrLambdas.DrLab.Iam;

/// <summary>IAM's wildcard matching: '*' any run of characters, '?' any one character.</summary>
internal static class Wildcard
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Whole-string glob match.</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase = false)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.IsMatch(value, regex.ToString(), options, Timeout);
    }

    /// <summary>
    /// An Action element pattern (<c>service:Name*</c> or <c>*</c>) against an action, case-insensitively as IAM
    /// compares action names.
    /// </summary>
    public static bool ActionMatches(string pattern, string action) => Matches(pattern, action, ignoreCase: true);

    /// <summary>
    /// A Resource element pattern against an ARN, case-sensitively. Wildcards stay within their colon-separated
    /// segment, except a '*' that ends a segment, which may expand across colons (IAM Resource element rules).
    /// </summary>
    public static bool ResourceMatches(string pattern, string arn)
    {
        if (string.Equals(pattern, "*", StringComparison.Ordinal))
        {
            return true;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var endsSegment = i + 1 == pattern.Length || pattern[i + 1] == ':';
            regex.Append(c switch
            {
                '*' when endsSegment => ".*",
                '*' => "[^:]*",
                '?' => "[^:]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        regex.Append('$');
        return Regex.IsMatch(arn, regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>
    /// ArnEquals/ArnLike: each of the six colon-delimited ARN components is compared separately (case-sensitive,
    /// wildcards allowed); the resource component keeps any further colons.
    /// </summary>
    public static bool ArnMatches(string pattern, string arn)
    {
        var wanted = pattern.Split(':', 6);
        var actual = arn.Split(':', 6);
        if (wanted.Length != 6 || actual.Length != 6)
        {
            return false;
        }

        for (var i = 0; i < 6; i++)
        {
            if (!Matches(wanted[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }
}
