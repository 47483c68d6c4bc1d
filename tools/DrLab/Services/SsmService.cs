using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// AWS Systems Manager Parameter Store (awsJson1_1, X-Amz-Target <c>AmazonSSM.*</c>): PutParameter, GetParameter,
/// DeleteParameter and GetParametersByPath in the called Region, Standard tier. A SecureString leaves the lab as an
/// opaque base64 blob unless WithDecryption is set (the KMS permissions are the authorizer's: SsmAuthorization).
/// </summary>
internal sealed class SsmService : IAwsService
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    /// <summary>Standard tier's limit on a value, in characters.</summary>
    public const int MaxStandardValueLength = 4096;

    private const int MaxResultsPerPage = 10;

    private static readonly string[] Types = ["String", "StringList", "SecureString"];

    public string SigningName => "ssm";

    public bool IsGlobal => false;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Json];

    public string? JsonTargetPrefix => "AmazonSSM";

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world)
    {
        var body = JsonReplies.ParseObject(call.Body);
        var reply = call.Operation switch
        {
            "PutParameter" => Put(call, body, world),
            "GetParameter" => Get(call, body, world),
            "DeleteParameter" => Delete(call, body, world),
            "GetParametersByPath" => ByPath(call, body, world),
            _ => throw AwsErrors.UnknownOperation(AwsProtocol.Json, call.Operation),
        };
        return reply with { ContentType = JsonContentType };
    }

    private static AwsReply Put(AwsCall call, JsonElement body, WorldState world)
    {
        var name = SsmParameterNames.FromRequest(Required(body, "Name"), call);
        var value = JsonReplies.String(body, "Value") ?? throw NotNull("value");
        var type = JsonReplies.String(body, "Type");
        var overwrite = JsonReplies.Bool(body, "Overwrite") ?? false;
        var keyId = JsonReplies.String(body, "KeyId");
        var tier = JsonReplies.String(body, "Tier");
        if (value.Length == 0)
        {
            throw new LabError("ValidationException",
                "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.");
        }

        if (type is not null && !Types.Contains(type, StringComparer.Ordinal))
        {
            throw new LabError("ValidationException",
                $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
        }

        if (tier is not null && !string.Equals(tier, "Standard", StringComparison.Ordinal))
        {
            throw new LabError("ValidationException", $"The lab serves only the Standard tier, not {tier}.");
        }

        SsmParameterNames.RequireValid(name);
        if (value.Length > MaxStandardValueLength)
        {
            throw new LabError("ValidationException",
                $"Standard tier parameters support a maximum parameter value of {MaxStandardValueLength} characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
        }

        var existing = world.Parameters.Find(call.Region, name);
        if (existing is not null && !overwrite)
        {
            throw new LabError("ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        }

        if (existing is null && type is null)
        {
            throw new LabError("ValidationException", "A parameter type is required when you create a parameter.");
        }

        var effectiveType = type ?? existing!.Type;
        if (existing is not null && !string.Equals(existing.Type, effectiveType, StringComparison.Ordinal))
        {
            throw new LabError("HierarchyTypeMismatchException",
                $"The parameter type can't be changed from {existing.Type} to {effectiveType}. You must create a new, unique parameter.");
        }

        if (keyId is not null && !string.Equals(effectiveType, "SecureString", StringComparison.Ordinal))
        {
            throw new LabError("ValidationException", "KeyId is required for SecureString type parameter only.");
        }

        var stored = new StoredParameter(name, effectiveType, value, (existing?.Version ?? 0) + 1, world.Now,
            string.Equals(effectiveType, "SecureString", StringComparison.Ordinal) ? keyId ?? existing?.KeyId : null);
        world.Parameters.Put(call.Region, stored);
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteNumber("Version", stored.Version);
            w.WriteString("Tier", "Standard");
        });
        return reply with { LogDetail = $"{name} v{stored.Version} {stored.Type}" };
    }

    private static AwsReply Get(AwsCall call, JsonElement body, WorldState world)
    {
        var requested = SsmParameterNames.FromRequest(Required(body, "Name"), call);
        var decrypt = JsonReplies.Bool(body, "WithDecryption") ?? false;
        var (name, version) = SplitSelector(requested);
        var parameter = world.Parameters.Find(call.Region, name) ?? throw NotFound();
        if (version is { } wanted && wanted != parameter.Version)
        {
            // The lab keeps only the latest version of a parameter.
            throw new LabError("ParameterVersionNotFound",
                $"Systems Manager could not find version {wanted} of {name}. Verify the version and try again.");
        }

        var reply = JsonReplies.Write(call, w =>
        {
            w.WritePropertyName("Parameter");
            WriteParameter(w, call.Region, parameter, decrypt, version is null ? null : ":" + version.Value.ToString(CultureInfo.InvariantCulture));
        });
        return reply with { LogDetail = name };
    }

    private static AwsReply Delete(AwsCall call, JsonElement body, WorldState world)
    {
        var name = SsmParameterNames.FromRequest(Required(body, "Name"), call);
        if (!world.Parameters.Delete(call.Region, name))
        {
            throw NotFound();
        }

        return JsonReplies.Write(call, _ => { }) with { LogDetail = name };
    }

    private static AwsReply ByPath(AwsCall call, JsonElement body, WorldState world)
    {
        var path = SsmParameterNames.RequirePath(Required(body, "Path"));
        var recursive = JsonReplies.Bool(body, "Recursive") ?? false;
        var decrypt = JsonReplies.Bool(body, "WithDecryption") ?? false;
        var maxResults = JsonReplies.Int(body, "MaxResults") ?? MaxResultsPerPage;
        if (body.TryGetProperty("ParameterFilters", out var filters) && filters.ValueKind != JsonValueKind.Null)
        {
            throw new LabError("ValidationException", "The lab does not model ParameterFilters of GetParametersByPath.");
        }

        if (maxResults is < 1 or > MaxResultsPerPage)
        {
            throw new LabError("ValidationException", maxResults < 1
                ? $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
                : $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to {MaxResultsPerPage}");
        }

        var offset = DecodeToken(JsonReplies.String(body, "NextToken"));
        var all = world.Parameters.Under(call.Region, path, recursive);
        var page = all.Skip(offset).Take(maxResults).ToList();
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteStartArray("Parameters");
            foreach (var parameter in page)
            {
                WriteParameter(w, call.Region, parameter, decrypt, selector: null);
            }

            w.WriteEndArray();
            if (offset + page.Count < all.Count)
            {
                w.WriteString("NextToken", EncodeToken(offset + page.Count));
            }
        });
        return reply with { LogDetail = $"{path} {page.Count} of {all.Count}" };
    }

    private static void WriteParameter(Utf8JsonWriter w, string region, StoredParameter parameter, bool decrypt, string? selector)
    {
        var secure = string.Equals(parameter.Type, "SecureString", StringComparison.Ordinal);
        w.WriteStartObject();
        w.WriteString("Name", parameter.Name);
        w.WriteString("Type", parameter.Type);
        w.WriteString("Value", secure && !decrypt ? Ciphertext(parameter) : parameter.Value);
        w.WriteNumber("Version", parameter.Version);
        if (selector is not null)
        {
            w.WriteString("Selector", selector);
        }

        JsonReplies.WriteTimestamp(w, "LastModifiedDate", parameter.LastModified);
        w.WriteString("ARN", SsmParameterNames.Arn(region, parameter.Name));
        w.WriteString("DataType", "text");
        w.WriteEndObject();
    }

    /// <summary>Stands in for the KMS ciphertext blob: base64, opaque, and not the plaintext.</summary>
    private static string Ciphertext(StoredParameter parameter) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{parameter.KeyId ?? "alias/aws/ssm"}\n{parameter.Name}\n{parameter.Version}\n{parameter.Value}")));

    private static (string Name, long? Version) SplitSelector(string requested)
    {
        var colon = requested.LastIndexOf(':');
        if (colon > 0 && long.TryParse(requested.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (requested[..colon], version);
        }

        return (requested, null);
    }

    private static string Required(JsonElement body, string member) =>
        JsonReplies.String(body, member) ?? throw NotNull(char.ToLowerInvariant(member[0]) + member[1..]);

    private static LabError NotNull(string member) =>
        new("ValidationException", $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    // Parameter Store answers an unknown name with an empty message.
    private static LabError NotFound() => new("ParameterNotFound", string.Empty);

    private static int DecodeToken(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("ssm:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the service's error.
        }

        throw new LabError("ValidationException", "The specified token is not valid.");
    }

    private static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("ssm:" + offset.ToString(CultureInfo.InvariantCulture)));
}
