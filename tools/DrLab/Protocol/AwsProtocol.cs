namespace DrLambdas.DrLab.Protocol;

/// <summary>The AWS wire protocols the lab speaks.</summary>
internal enum AwsProtocol
{
    /// <summary>awsQuery: form-encoded parameters, XML responses (RDS, SNS, CloudWatch).</summary>
    Query,

    /// <summary>awsJson1_0: X-Amz-Target and JSON bodies (Step Functions, CloudWatch).</summary>
    Json,

    /// <summary>restXml: REST paths and XML bodies (Route 53).</summary>
    RestXml,
}
