namespace DrLambdas.DrLab.World;

/// <summary>A metric alarm as PutMetricAlarm defined it, in one Region.</summary>
internal sealed record AlarmDefinition(
    string Name,
    string Region,
    string Namespace,
    string MetricName,
    IReadOnlyList<(string Name, string Value)> Dimensions,
    string Statistic,
    int Period,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> OkActions,
    IReadOnlyList<string> InsufficientDataActions,
    bool ActionsEnabled,
    string? Description,
    DateTimeOffset ConfiguredAt)
{
    /// <summary>The comparison operators of a static-threshold metric alarm.</summary>
    public static IReadOnlyList<string> ComparisonOperators { get; } =
        ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];

    /// <summary>TreatMissingData values (missing is the default).</summary>
    public static IReadOnlyList<string> MissingDataTreatments { get; } = ["breaching", "notBreaching", "ignore", "missing"];

    public string Arn => $"arn:aws:cloudwatch:{Region}:{WorldDefinition.AccountId}:alarm:{Name}";

    public MetricKey MetricKey => MetricKey.Of(Region, Namespace, MetricName, Dimensions);

    /// <summary>Whether a datapoint value breaches the threshold.</summary>
    public bool Breaches(double value) => ComparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => value >= Threshold,
        "GreaterThanThreshold" => value > Threshold,
        "LessThanThreshold" => value < Threshold,
        _ => value <= Threshold,
    };

    /// <summary>The words AWS uses in a state reason for the comparison.</summary>
    public string ComparisonWords(bool breached) => (ComparisonOperator, breached) switch
    {
        ("GreaterThanOrEqualToThreshold", true) => "greater than or equal to",
        ("GreaterThanOrEqualToThreshold", false) => "not greater than or equal to",
        ("GreaterThanThreshold", true) => "greater than",
        ("GreaterThanThreshold", false) => "not greater than",
        ("LessThanThreshold", true) => "less than",
        ("LessThanThreshold", false) => "not less than",
        (_, true) => "less than or equal to",
        _ => "not less than or equal to",
    };
}
