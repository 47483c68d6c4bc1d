using DrLambdas.Errors;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Tests.Errors;

public class ErrorTypesTests
{
    [Fact]
    public void ErrorTypes_SharedExceptions_MatchTheirShortTypeNames()
    {
        Assert.Equal(
            [ErrorTypes.InputValidation, ErrorTypes.Configuration, ErrorTypes.Conflict, ErrorTypes.HealthGateFailed],
            [nameof(InputValidationException), nameof(ConfigurationException), nameof(ConflictException), nameof(HealthGateFailedException)]);
    }

    [Fact]
    public void ErrorTypes_AllNames_MatchContractsTable()
    {
        string[] contract =
        [
            "InputValidationException", "ConfigurationException", "AwsTransientException", "AwsServiceException", "ConflictException",
            "HealthGateFailedException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "Lambda.Unknown",
        ];

        var names = typeof(ErrorTypes).GetFields().Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(contract.Order(), names.Order());
    }

    [Fact]
    public void InputValidationException_Field_InMessage()
    {
        var exception = new InputValidationException("detail.state.value", "must be ALARM");

        Assert.Equal(("detail.state.value", "must be ALARM", "Invalid input at 'detail.state.value': must be ALARM"),
            (exception.Field, exception.Problem, exception.Message));
    }

    [Fact]
    public void InputValidationException_MessageOnly_NamesWholeDocument()
    {
        var exception = new InputValidationException("unknown operation 'x'");

        Assert.Equal("$", exception.Field);
        Assert.Equal("Invalid input at '$': unknown operation 'x'", exception.Message);
    }

    [Fact]
    public void ConfigurationException_Problems_OnePerLine()
    {
        var exception = new ConfigurationException(["DR_QUORUM: bad", "DR_HOSTED_ZONE_ID: is required but not set"]);

        Assert.Equal(
            $"Invalid configuration (2 problems):{Environment.NewLine}- DR_QUORUM: bad{Environment.NewLine}- DR_HOSTED_ZONE_ID: is required but not set",
            exception.Message);
    }

    [Fact]
    public void ConfigurationException_SingleProblemWithCause_KeepsBoth()
    {
        var cause = new FormatException("x");

        var exception = new ConfigurationException("DR_QUORUM: bad", cause);

        Assert.Equal(["DR_QUORUM: bad"], exception.Problems);
        Assert.Same(cause, exception.InnerException);
        Assert.StartsWith("Invalid configuration (1 problem):", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthGateFailedException_RegionAndDetail_InMessage()
    {
        var exception = new HealthGateFailedException("ap-east-2", "probe DOWN");

        Assert.Equal(("ap-east-2", "probe DOWN", "Health gate failed for ap-east-2: probe DOWN"), (exception.Region, exception.Detail, exception.Message));
    }

    [Fact]
    public void StandardConstructors_KeepMessageAndCause()
    {
        var cause = new InvalidOperationException("inner");
        Exception[] exceptions =
        [
            new InputValidationException("f", "p", cause), new ConflictException("m", cause), new HealthGateFailedException("m", cause),
        ];

        Assert.All(exceptions, exception => Assert.Same(cause, exception.InnerException));
        Exception[] parameterless =
        [
            new InputValidationException(), new ConfigurationException(), new ConflictException(), new HealthGateFailedException(),
        ];
        Assert.Equal("record tpe changed", new ConflictException("record tpe changed").Message);
        Assert.All(parameterless, exception => Assert.False(string.IsNullOrWhiteSpace(exception.Message)));
    }
}
