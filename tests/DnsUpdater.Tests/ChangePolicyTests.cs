using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using DrLambdas.Aws;
using DrLambdas.DnsUpdater.Tests.Support;
using YamlDotNet.RepresentationModel;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests;

/// <summary>
/// What <c>apply</c> really sends, on the wire, evaluated against the DnsUpdater role's statement as template.yaml
/// writes it: the request context Route 53 builds from the batch (actions, normalized record names, record types)
/// must equal what the ForAllValues:StringEquals condition allows, so neither the code nor the policy can drift.
/// The lab's IAM evaluator is the end-to-end check (a drill fails on AccessDenied); this one fails at unit-test time.
/// </summary>
public sealed class ChangePolicyTests : IDisposable
{
    private const string ChangeRecords = "route53:ChangeResourceRecordSets";
    private const string AllowedIf = "ForAllValues:StringEquals";
    private const string ActionsKey = "route53:ChangeResourceRecordSetsActions";
    private const string NamesKey = "route53:ChangeResourceRecordSetsNormalizedRecordNames";
    private const string TypesKey = "route53:ChangeResourceRecordSetsRecordTypes";
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>The stack parameters the reference configuration corresponds to (DR_RECORD_NAME is RecordName verbatim).</summary>
    private static readonly Dictionary<string, string> StackValues = new(StringComparer.Ordinal)
    {
        ["AWS::Partition"] = "aws",
        ["AWS::AccountId"] = "111122223333",
        ["HostedZoneId"] = HostedZoneId,
        ["RecordName"] = "api.example.com",
        ["RecordType"] = "A",
    };

    private readonly WireRoute53 _wire = new();
    private readonly AwsClientFactory _aws;
    private readonly TemplatePolicy _policy = TemplatePolicy.OfRole("DnsUpdaterRole", StackValues);

    public ChangePolicyTests() => _aws = new AwsClientFactory(new AwsClientOptions
    {
        Region = Nrt,
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        HttpMessageHandler = _wire,
        MaxAttempts = 1,
    });

    private YamlMappingNode ChangeStatement => Assert.Single(_policy.Granting(ChangeRecords));

    private IReadOnlyList<string> Allowed(string key) =>
        _policy.Strings(TemplatePolicy.Child(TemplatePolicy.Child(TemplatePolicy.Child(ChangeStatement, "Condition"), AllowedIf), key));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    [InlineData(10, 90)]
    public async Task Apply_SentBatch_RequestContextEqualsWhatThePolicyAllows(int tpe, int nrt)
    {
        var sent = await SendAsync(("tpe", tpe), ("nrt", nrt));

        Assert.Equal(Allowed(ActionsKey).Order(StringComparer.Ordinal), sent.Actions);
        Assert.Equal(Allowed(NamesKey).Order(StringComparer.Ordinal), sent.NormalizedNames);
        Assert.Equal(Allowed(TypesKey).Order(StringComparer.Ordinal), sent.Types);
        Assert.Equal(_policy.Strings(TemplatePolicy.Child(ChangeStatement, "Resource")), [sent.Resource]);
    }

    [Fact]
    public async Task Apply_OneWeightChanges_RequestContextStillWithinThePolicy()
    {
        var sent = await SendAsync(("tpe", 0));

        Assert.Subset(Allowed(ActionsKey).ToHashSet(StringComparer.Ordinal), sent.Actions.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(Allowed(NamesKey).ToHashSet(StringComparer.Ordinal), sent.NormalizedNames.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(Allowed(TypesKey).ToHashSet(StringComparer.Ordinal), sent.Types.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Associate_SentBatch_RequestContextEqualsWhatThePolicyAllows()
    {
        var configuration = Load(variables =>
        {
            variables[Shared.Configuration.EnvironmentVariables.PrimaryHealthCheckId] = "5f0c1d2e-3a4b-4c5d-8e6f-00000000000a";
            variables[Shared.Configuration.EnvironmentVariables.SecondaryHealthCheckId] = "5f0c1d2e-3a4b-4c5d-8e6f-00000000000b";
        });
        await ApplyRunner.AssociateAsync(_aws.Route53, configuration);

        var sent = Sent();

        Assert.Equal(Allowed(ActionsKey).Order(StringComparer.Ordinal), sent.Actions);
        Assert.Equal(Allowed(NamesKey).Order(StringComparer.Ordinal), sent.NormalizedNames);
        Assert.Equal(Allowed(TypesKey).Order(StringComparer.Ordinal), sent.Types);
        Assert.Equal(_policy.Strings(TemplatePolicy.Child(ChangeStatement, "Resource")), [sent.Resource]);
    }

    [Fact]
    public void Policy_ChangeRecords_OneAllowStatementConditionedOnlyOnTheThreeBatchKeys()
    {
        var statement = ChangeStatement;
        var condition = (YamlMappingNode)TemplatePolicy.Child(statement, "Condition");

        Assert.Equal("Allow", _policy.Strings(TemplatePolicy.Child(statement, "Effect")).Single());
        Assert.Equal([ChangeRecords], _policy.Strings(TemplatePolicy.Child(statement, "Action")));
        Assert.Equal([AllowedIf], condition.Children.Keys.Select(key => ((YamlScalarNode)key).Value));
        Assert.Equal(
            [ActionsKey, NamesKey, TypesKey],
            ((YamlMappingNode)condition.Children.Values.Single()).Children.Keys.Select(key => ((YamlScalarNode)key).Value).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("UPSERT", Allowed(ActionsKey));
    }

    [Fact]
    public async Task Apply_FailoverBatch_IsTheGoldenFixtureTheTemplateTestsEvaluate()
    {
        await SendAsync(("tpe", 0), ("nrt", 100));

        var fixture = XDocument.Load(TemplatePolicy.RepositoryFile("tests/DnsUpdater.Tests/Fixtures/failover-change-batch.xml"));
        Assert.Equal(fixture.Root!.ToString(SaveOptions.DisableFormatting), XDocument.Parse(Assert.Single(_wire.Changes).Body).Root!.ToString(SaveOptions.DisableFormatting));
    }

    [Theory]
    [InlineData("api.example.com.", "api.example.com")]
    [InlineData("API.Example.COM", "api.example.com")]
    [InlineData("*.example.com.", "\\052.example.com")]
    public void Normalize_RecordName_AsRoute53DocumentsTheConditionKey(string name, string normalized) =>
        Assert.Equal(normalized, NormalizedRecordName(name));

    public void Dispose() => _aws.Dispose();

    /// <summary>
    /// The condition-key form of a record name (Route 53 developer guide, "Normalizing the Route 53 condition key
    /// values"): lower case, no trailing dot, characters other than a-z 0-9 - _ and the label dot as \ + 3-digit octal.
    /// </summary>
    private static string NormalizedRecordName(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        var normalized = new StringBuilder();
        foreach (var character in lower)
        {
            normalized.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'
                ? character.ToString()
                : "\\" + Convert.ToString(character, 8).PadLeft(3, '0'));
        }

        return normalized.ToString();
    }

    private async Task<SentBatch> SendAsync(params (string SetIdentifier, int Weight)[] desired)
    {
        await ApplyRunner.ApplyAsync(_aws.Route53, desired);
        return Sent();
    }

    private SentBatch Sent()
    {
        var (uri, body) = Assert.Single(_wire.Changes);
        var changes = XDocument.Parse(body).Descendants(Ns + "Change").ToList();
        var zone = uri.AbsolutePath.Split('/')[3];
        return new SentBatch(
            string.Create(CultureInfo.InvariantCulture, $"arn:aws:route53:::hostedzone/{zone}"),
            Distinct(changes.Select(change => change.Element(Ns + "Action")!.Value)),
            Distinct(changes.Select(change => NormalizedRecordName(change.Element(Ns + "ResourceRecordSet")!.Element(Ns + "Name")!.Value))),
            Distinct(changes.Select(change => change.Element(Ns + "ResourceRecordSet")!.Element(Ns + "Type")!.Value)));
    }

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private sealed record SentBatch(string Resource, IReadOnlyList<string> Actions, IReadOnlyList<string> NormalizedNames, IReadOnlyList<string> Types);
}
