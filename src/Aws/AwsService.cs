namespace DrLambdas.Aws;

/// <summary>The AWS services this project calls, with the names each needs on the wire and in the environment.</summary>
public sealed class AwsService
{
    private AwsService(string displayName, string signingName, string endpointPrefix, string environmentSuffix, bool isGlobal)
    {
        DisplayName = displayName;
        SigningName = signingName;
        EndpointPrefix = endpointPrefix;
        EnvironmentSuffix = environmentSuffix;
        IsGlobal = isGlobal;
    }

    /// <summary>Amazon RDS (Aurora global databases), awsQuery protocol.</summary>
    public static AwsService Rds { get; } = new("RDS", "rds", "rds", "RDS", isGlobal: false);

    /// <summary>Amazon Route 53, restXml protocol, one global endpoint signed for us-east-1.</summary>
    public static AwsService Route53 { get; } = new("Route 53", "route53", "route53", "ROUTE_53", isGlobal: true);

    /// <summary>Amazon SNS, awsQuery protocol.</summary>
    public static AwsService Sns { get; } = new("SNS", "sns", "sns", "SNS", isGlobal: false);

    /// <summary>AWS Step Functions, awsJson1_0 protocol.</summary>
    public static AwsService StepFunctions { get; } = new("SFN", "states", "states", "SFN", isGlobal: false);

    /// <summary>Amazon CloudWatch, awsQuery protocol.</summary>
    public static AwsService CloudWatch { get; } = new("CloudWatch", "monitoring", "monitoring", "CLOUDWATCH", isGlobal: false);

    /// <summary>AWS Systems Manager Parameter Store, awsJson1_1 protocol (through AWSSDK.SimpleSystemsManagement).</summary>
    public static AwsService Ssm { get; } = new("SSM", "ssm", "ssm", "SSM", isGlobal: false);

    /// <summary>AWS STS (caller identity), awsQuery protocol, Regional endpoint.</summary>
    public static AwsService Sts { get; } = new("STS", "sts", "sts", "STS", isGlobal: false);

    /// <summary>Every service above, in a stable order.</summary>
    public static IReadOnlyList<AwsService> All { get; } = [Rds, Route53, Sns, StepFunctions, CloudWatch, Ssm, Sts];

    /// <summary>Name used in error messages, e.g. <c>Route 53</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The SigV4 credential-scope service name, e.g. <c>monitoring</c>.</summary>
    public string SigningName { get; }

    /// <summary>The host prefix of the default endpoint, e.g. <c>rds</c> in <c>rds.ap-east-2.amazonaws.com</c>.</summary>
    public string EndpointPrefix { get; }

    /// <summary>The suffix of the service's endpoint variable: <c>AWS_ENDPOINT_URL_</c> + this.</summary>
    public string EnvironmentSuffix { get; }

    /// <summary>The name of the service-specific endpoint variable, e.g. <c>AWS_ENDPOINT_URL_ROUTE_53</c>.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + EnvironmentSuffix;

    /// <summary>True when the service has one partition-wide endpoint rather than one per Region.</summary>
    public bool IsGlobal { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
