using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DrLambdas.DrLab.Protocol;

/// <summary>The parts of a request that a SigV4 signature covers, as received on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The request target's path exactly as sent (still percent-encoded).</param>
/// <param name="RawQuery">The query string without '?', exactly as sent.</param>
/// <param name="Headers">Header name (any case) → values.</param>
/// <param name="Body">The request body bytes.</param>
internal sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    byte[] Body);

/// <summary>Who signed a request and for which scope.</summary>
internal sealed record SignatureScope(string AccessKeyId, string Date, string Region, string Service);

/// <summary>Why a signature was rejected; the protocol layer turns it into the service's error shape.</summary>
internal enum SignatureFailure
{
    None,
    MissingAuthentication,
    IncompleteSignature,
    UnknownAccessKey,
    SignatureMismatch,
    Expired,
}

/// <summary>The verdict on a request's signature.</summary>
internal sealed record SignatureVerdict(SignatureFailure Failure, SignatureScope? Scope, string Message)
{
    public bool IsValid => Failure == SignatureFailure.None;
}

/// <summary>
/// Verifies AWS Signature Version 4 (AWS4-HMAC-SHA256 in the Authorization header) by recomputing the canonical
/// request, the string to sign and the signature with the secret of the request's access key, exactly as AWS
/// documents it.
/// </summary>
internal sealed class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    private readonly Func<string, string?> _secretOf;
    private readonly TimeProvider _time;

    /// <summary>A verifier for every key <paramref name="secretOf"/> knows (it answers null for an unknown key).</summary>
    public SigV4Verifier(Func<string, string?> secretOf, TimeProvider time)
    {
        _secretOf = secretOf;
        _time = time;
    }

    /// <summary>A verifier for one key pair.</summary>
    public SigV4Verifier(string accessKeyId, string secretAccessKey, TimeProvider time)
        : this(key => string.Equals(key, accessKeyId, StringComparison.Ordinal) ? secretAccessKey : null, time)
    {
    }

    /// <summary>Reads the credential scope without verifying, to pick the service and the error shape.</summary>
    public static SignatureScope? PeekScope(string? authorization)
    {
        return ParseAuthorization(authorization, out var parsed) ? parsed.Scope : null;
    }

    public SignatureVerdict Verify(SignedRequest request)
    {
        var authorization = Header(request, "authorization");
        if (authorization is null)
        {
            return new(SignatureFailure.MissingAuthentication, null, "Request is missing Authentication Token");
        }

        if (!ParseAuthorization(authorization, out var parsed))
        {
            return new(SignatureFailure.IncompleteSignature, null,
                $"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters with algorithm {Algorithm}. Authorization={authorization}");
        }

        var scope = parsed.Scope;
        if (_secretOf(scope.AccessKeyId) is null)
        {
            return new(SignatureFailure.UnknownAccessKey, scope, "The security token included in the request is invalid.");
        }

        var amzDate = Header(request, "x-amz-date");
        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return new(SignatureFailure.IncompleteSignature, scope, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!amzDate.StartsWith(scope.Date, StringComparison.Ordinal))
        {
            return new(SignatureFailure.SignatureMismatch, scope,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope.Date}' != '{amzDate[..8]}'");
        }

        var now = _time.GetUtcNow();
        if ((now - signedAt).Duration() > MaxSkew)
        {
            return new(SignatureFailure.Expired, scope,
                string.Create(CultureInfo.InvariantCulture, $"Signature expired: {amzDate} is now earlier than {(now - MaxSkew):yyyyMMdd'T'HHmmss'Z'} ({now:yyyyMMdd'T'HHmmss'Z'} - 15 min.)"));
        }

        var canonicalRequest = CanonicalRequest(request, parsed.SignedHeaders);
        if (canonicalRequest is null)
        {
            return new(SignatureFailure.SignatureMismatch, scope, "The request signature we calculated does not match the signature you provided: a signed header is missing.");
        }

        var expected = Sign(canonicalRequest, amzDate, scope);
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parsed.Signature.ToLowerInvariant()));
        return matches
            ? new(SignatureFailure.None, scope, string.Empty)
            : new(SignatureFailure.SignatureMismatch, scope,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /// <summary>
    /// The hex signature for a canonical request with the secret of the scope's access key (also used by the lab's
    /// tests as the reference signer).
    /// </summary>
    public string Sign(string canonicalRequest, string amzDate, SignatureScope scope)
    {
        var secretAccessKey = _secretOf(scope.AccessKeyId)
            ?? throw new ArgumentException($"Unknown access key {scope.AccessKeyId}.", nameof(scope));
        var credentialScope = $"{scope.Date}/{scope.Region}/{scope.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(scope.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Service));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The canonical request over the given signed headers, or null when one of them is absent.</summary>
    public static string? CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = HeaderValues(request, name);
            if (values is null)
            {
                return null;
            }

            builder.Append(name).Append(':').Append(string.Join(',', values.Select(NormalizeHeaderValue))).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        var payloadHash = Header(request, "x-amz-content-sha256");
        builder.Append(string.Equals(payloadHash, "UNSIGNED-PAYLOAD", StringComparison.Ordinal)
            ? payloadHash
            : Hex(SHA256.HashData(request.Body)));
        return builder.ToString();
    }

    /// <summary>The path percent-encoded once more (AWS double-encodes paths for every service but S3).</summary>
    public static string CanonicalUri(string rawPath) => rawPath.Length == 0 ? "/" : Encode(rawPath, keepSlash: true);

    /// <summary>Parameters decoded, re-encoded with RFC 3986 rules, sorted by name then value.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? p : p[..eq];
                var value = eq < 0 ? string.Empty : p[(eq + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name), keepSlash: false), Value: Encode(Uri.UnescapeDataString(value), keepSlash: false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    private static bool ParseAuthorization(string? authorization, out (SignatureScope Scope, IReadOnlyList<string> SignedHeaders, string Signature) parsed)
    {
        parsed = default;
        if (authorization is null || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var fields = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2))
            .Where(f => f.Length == 2)
            .GroupBy(f => f[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            return false;
        }

        var parts = credential.Split('/');
        if (parts.Length != 5 || !string.Equals(parts[4], "aws4_request", StringComparison.Ordinal) || signedHeaders.Length == 0)
        {
            return false;
        }

        parsed = (new SignatureScope(parts[0], parts[1], parts[2], parts[3]), signedHeaders.Split(';'), signature);
        return true;
    }

    private static string? Header(SignedRequest request, string name) =>
        HeaderValues(request, name) is { Count: > 0 } values ? values[0] : null;

    private static IReadOnlyList<string>? HeaderValues(SignedRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string NormalizeHeaderValue(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
