using System.Security.Cryptography;
using System.Text;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// The deployed roles and their access keys, plus the administrative identity that owns the lab's ready-document
/// key and may do everything. Replaced as a whole by the control API; independent of the world, so it survives a
/// world reset.
/// </summary>
internal sealed class IamRegistry
{
    /// <summary>The role the ready document's credentials act as.</summary>
    public const string AdministratorRoleArn = "arn:aws:iam::111122223333:role/drlab-admin";

    private readonly object _gate = new();
    private IReadOnlyList<IamPrincipal> _roles = [];
    private Dictionary<string, IamPrincipal> _byAccessKey;

    public IamRegistry(string adminAccessKeyId, string adminSecretAccessKey)
    {
        var allowEverything = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"AdministratorAccess","Effect":"Allow","Action":"*","Resource":"*"}]}""");
        Administrator = new IamPrincipal(AdministratorRoleArn, [new NamedPolicy("AdministratorAccess", allowEverything)], adminAccessKeyId, adminSecretAccessKey);
        _byAccessKey = Index([]);
    }

    /// <summary>The administrative identity (every action allowed).</summary>
    public IamPrincipal Administrator { get; }

    /// <summary>The deployed roles, in the order they were put.</summary>
    public IReadOnlyList<IamPrincipal> Roles
    {
        get
        {
            lock (_gate)
            {
                return _roles;
            }
        }
    }

    /// <summary>Replaces every deployed role; each gets its key pair (the same pair for the same role ARN).</summary>
    public IReadOnlyList<IamPrincipal> Replace(IEnumerable<(string Arn, IReadOnlyList<NamedPolicy> Policies)> roles)
    {
        var principals = roles.Select(r =>
        {
            var (accessKeyId, secret) = KeysFor(r.Arn);
            return new IamPrincipal(r.Arn, r.Policies, accessKeyId, secret);
        }).ToList();
        lock (_gate)
        {
            _roles = principals;
            _byAccessKey = Index(principals);
        }

        return principals;
    }

    /// <summary>The principal an access key acts as, or null for an unknown key.</summary>
    public IamPrincipal? FindByAccessKey(string accessKeyId)
    {
        lock (_gate)
        {
            return _byAccessKey.GetValueOrDefault(accessKeyId);
        }
    }

    /// <summary>A deployed role, or the administrator, by ARN; null when unknown.</summary>
    public IamPrincipal? FindByArn(string roleArn)
    {
        if (string.Equals(roleArn, AdministratorRoleArn, StringComparison.Ordinal))
        {
            return Administrator;
        }

        lock (_gate)
        {
            return _roles.FirstOrDefault(r => string.Equals(r.RoleArn, roleArn, StringComparison.Ordinal));
        }
    }

    /// <summary>The secret of a registered access key, for SigV4 verification.</summary>
    public string? SecretOf(string accessKeyId) => FindByAccessKey(accessKeyId)?.SecretAccessKey;

    /// <summary>
    /// A key pair derived from the role ARN, so that redeploying the same role keeps its credentials: an AKIA-style
    /// 20-character key id and a 40-character secret.
    /// </summary>
    public static (string AccessKeyId, string SecretAccessKey) KeysFor(string roleArn)
    {
        var idHash = SHA256.HashData(Encoding.UTF8.GetBytes("drlab-access-key-id\n" + roleArn));
        var secretHash = SHA256.HashData(Encoding.UTF8.GetBytes("drlab-secret-access-key\n" + roleArn));
        const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var id = new StringBuilder("AKIA");
        for (var i = 0; i < 16; i++)
        {
            id.Append(Base32[idHash[i] % 32]);
        }

        return (id.ToString(), Convert.ToBase64String(secretHash)[..40]);
    }

    private Dictionary<string, IamPrincipal> Index(IEnumerable<IamPrincipal> roles)
    {
        var index = new Dictionary<string, IamPrincipal>(StringComparer.Ordinal) { [Administrator.AccessKeyId] = Administrator };
        foreach (var role in roles)
        {
            index[role.AccessKeyId] = role;
        }

        return index;
    }
}
