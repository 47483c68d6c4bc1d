using System.Globalization;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World.Traffic;

namespace DrLambdas.DrLab;

/// <summary>The lab's command line.</summary>
internal sealed partial record LabOptions(
    int Port,
    TimeProfile Profile,
    string PrimaryRegion,
    string SecondaryRegion,
    string ObserverRegion,
    string PrimarySetIdentifier,
    string SecondarySetIdentifier,
    int FaultSeed = 1,
    int DnsPort = 0,
    int Clients = TrafficModel.DefaultClients,
    string? WitnessRegion = null)
{
    /// <summary>The most clients the lab models (each costs two evaluations per model second).</summary>
    public const int MaxClients = 10000;

    public const string Usage = """
        DrLambdas.DrLab: a local two-Region AWS world with fault injection.

        Options:
          --port N                       TCP port on 127.0.0.1 (0 = any free port; default 0)
          --dns-port N                   UDP port of the lab's DNS server on 127.0.0.1 (0 = any free port; default 0)
          --profile fast|realistic       time profile (default fast: AWS's durations 30x faster)
          --time-scale X                 override the profile's speed-up factor (1 = real time)
          --primary-region NAME          default ap-east-2
          --secondary-region NAME        default ap-northeast-1
          --observer-region NAME         where the functions run (default: the secondary Region)
          --primary-set-identifier ID    weighted record of the primary Region (default tpe)
          --secondary-set-identifier ID  weighted record of the secondary Region (default nrt)
          --metric-ingestion-delay S     model seconds before a CloudWatch datapoint is visible (default 5)
          --fault-seed N                 seed of the random request faults and of the clients' DNS choices (default 1)
          --clients N                    modelled internet clients, each one read and one write per model second (1-10000; default 200)
          --witness-region NAME          a third Region observing from outside both (its own port; default none)
          --health-check-interval S      Route 53 RequestInterval of the built-in health checks, 10 or 30 (default 30)
          --health-check-failure-threshold N  FailureThreshold of the built-in health checks, 1-10 (default 3)
          --dns-ttl S                    TTL of the weighted records in model seconds, 0-172800 (default 60)
          --help                         this text

        When ready it prints one JSON line: baseUrl, profile, timeScale, dns (address, port) and env (the variables for clients).
        """;

    /// <summary>Parses the arguments; every problem is reported at once.</summary>
    public static (LabOptions? Options, IReadOnlyList<string> Problems, bool HelpRequested) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        string[] known = ["--port", "--dns-port", "--profile", "--time-scale", "--primary-region", "--secondary-region", "--observer-region",
            "--primary-set-identifier", "--secondary-set-identifier", "--metric-ingestion-delay", "--fault-seed", "--clients", "--witness-region",
            "--health-check-interval", "--health-check-failure-threshold", "--dns-ttl"];
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                return (null, [], true);
            }

            if (!known.Contains(args[i], StringComparer.Ordinal))
            {
                problems.Add($"Unknown option '{args[i]}'.");
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    i++;
                }
            }
            else if (i + 1 >= args.Count)
            {
                problems.Add($"Option '{args[i]}' needs a value.");
            }
            else
            {
                values[args[i]] = args[++i];
            }
        }

        var port = 0;
        if (values.TryGetValue("--port", out var portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            problems.Add($"--port '{portText}' must be a number from 0 to 65535.");
        }

        var dnsPort = 0;
        if (values.TryGetValue("--dns-port", out var dnsPortText)
            && (!int.TryParse(dnsPortText, NumberStyles.None, CultureInfo.InvariantCulture, out dnsPort) || dnsPort > 65535))
        {
            problems.Add($"--dns-port '{dnsPortText}' must be a number from 0 to 65535.");
        }

        var profile = TimeProfile.FromName(values.GetValueOrDefault("--profile", "fast"));
        if (profile is null)
        {
            problems.Add($"--profile must be one of {string.Join(", ", TimeProfile.Names)}.");
        }

        if (values.TryGetValue("--time-scale", out var scaleText))
        {
            if (double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale is >= 1 and <= 1000)
            {
                profile = profile is null ? null : profile with { TimeScale = scale };
            }
            else
            {
                problems.Add($"--time-scale '{scaleText}' must be a number from 1 to 1000.");
            }
        }

        if (values.TryGetValue("--metric-ingestion-delay", out var delayText))
        {
            if (double.TryParse(delayText, NumberStyles.Float, CultureInfo.InvariantCulture, out var delay) && delay is >= 0 and <= 600)
            {
                profile = profile is null ? null : profile with { Durations = profile.Durations with { MetricIngestionDelaySeconds = delay } };
            }
            else
            {
                problems.Add($"--metric-ingestion-delay '{delayText}' must be a number of model seconds from 0 to 600.");
            }
        }

        profile = WorldTiming(values, profile, problems);

        var seed = 1;
        if (values.TryGetValue("--fault-seed", out var seedText)
            && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            problems.Add($"--fault-seed '{seedText}' must be an integer.");
        }

        var clients = TrafficModel.DefaultClients;
        if (values.TryGetValue("--clients", out var clientsText)
            && (!int.TryParse(clientsText, NumberStyles.None, CultureInfo.InvariantCulture, out clients) || clients is < 1 or > MaxClients))
        {
            problems.Add($"--clients '{clientsText}' must be a whole number of clients from 1 to {MaxClients}.");
        }

        var primary = values.GetValueOrDefault("--primary-region", "ap-east-2");
        var secondary = values.GetValueOrDefault("--secondary-region", "ap-northeast-1");
        var observer = values.GetValueOrDefault("--observer-region", secondary);
        foreach (var (name, region) in new[] { ("--primary-region", primary), ("--secondary-region", secondary) })
        {
            if (!RegionPattern().IsMatch(region))
            {
                problems.Add($"{name} '{region}' is not a Region name such as ap-east-2.");
            }
        }

        if (string.Equals(primary, secondary, StringComparison.Ordinal))
        {
            problems.Add("--primary-region and --secondary-region must differ.");
        }

        if (!string.Equals(observer, primary, StringComparison.Ordinal) && !string.Equals(observer, secondary, StringComparison.Ordinal))
        {
            problems.Add($"--observer-region '{observer}' must be the primary or the secondary Region.");
        }

        var witness = values.GetValueOrDefault("--witness-region");
        if (witness is not null && !RegionPattern().IsMatch(witness))
        {
            problems.Add($"--witness-region '{witness}' is not a Region name such as eu-west-1.");
        }
        else if (witness is not null && (string.Equals(witness, primary, StringComparison.Ordinal) || string.Equals(witness, secondary, StringComparison.Ordinal)))
        {
            problems.Add($"--witness-region '{witness}' must be neither the primary nor the secondary Region: it observes from outside both.");
        }

        var primarySet = values.GetValueOrDefault("--primary-set-identifier", "tpe");
        var secondarySet = values.GetValueOrDefault("--secondary-set-identifier", "nrt");
        if (primarySet.Length is 0 or > 128 || secondarySet.Length is 0 or > 128 || string.Equals(primarySet, secondarySet, StringComparison.Ordinal))
        {
            problems.Add("Set identifiers must be 1-128 characters and differ.");
        }

        return problems.Count > 0
            ? (null, problems, false)
            : (new LabOptions(port, profile!, primary, secondary, observer, primarySet, secondarySet, seed, dnsPort, clients, witness), problems, false);
    }

    /// <summary>
    /// The world's Route 53 figures a deployment chooses (a preset): the built-in health checks' interval and threshold
    /// and the weighted records' TTL, within the values Route 53 accepts.
    /// </summary>
    private static TimeProfile? WorldTiming(Dictionary<string, string> values, TimeProfile? profile, List<string> problems)
    {
        var durations = profile?.Durations;
        if (values.TryGetValue("--health-check-interval", out var intervalText))
        {
            if (intervalText is "10" or "30")
            {
                durations = durations is null ? null : durations with { HealthCheckIntervalSeconds = int.Parse(intervalText, CultureInfo.InvariantCulture) };
            }
            else
            {
                problems.Add($"--health-check-interval '{intervalText}' must be 10 or 30 (Route 53's RequestInterval).");
            }
        }

        if (values.TryGetValue("--health-check-failure-threshold", out var thresholdText))
        {
            if (int.TryParse(thresholdText, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold) && threshold is >= 1 and <= 10)
            {
                durations = durations is null ? null : durations with { HealthCheckFailureThreshold = threshold };
            }
            else
            {
                problems.Add($"--health-check-failure-threshold '{thresholdText}' must be a whole number from 1 to 10 (Route 53's FailureThreshold).");
            }
        }

        if (values.TryGetValue("--dns-ttl", out var ttlText))
        {
            if (int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) && ttl is >= 0 and <= 172800)
            {
                durations = durations is null ? null : durations with { DnsTtlSeconds = ttl };
            }
            else
            {
                problems.Add($"--dns-ttl '{ttlText}' must be a whole number of seconds from 0 to 172800.");
            }
        }

        return profile is null || durations is null ? profile : profile with { Durations = durations };
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
