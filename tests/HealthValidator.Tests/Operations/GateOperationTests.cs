using DrLambdas.Aws.CloudWatch;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class GateOperationTests : IDisposable
{
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Gate_HealthyRegion_Passes()
    {
        var result = await GateAsync(Tpe);

        Assert.True(result.Healthy);
        Assert.Contains("Probe Healthy", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Route53HealthCheck Healthy: 8 of 8 checkers healthy", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Alarm Healthy: alarm tpe-unhealthy OK", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ProbeUnhealthy_ThrowsHealthGateFailed()
    {
        _world.ProbeVerdicts[Tpe] = Verdict.Unhealthy;

        var error = await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Equal(Tpe, error.Region);
        Assert.StartsWith("Probe Unhealthy", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_AlarmInAlarmState_ThrowsHealthGateFailed()
    {
        _world.AlarmStates[PrimaryAlarm] = CloudWatchAlarmState.Alarm;

        var error = await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Contains("alarm tpe-unhealthy ALARM", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_SourceUnreadable_FailsTheGate()
    {
        _world.Route53.Setup(client => client.GetHealthCheckStatusAsync(TpeHealthCheckId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("Route 53", "GetHealthCheckStatus", "Throttling"));

        var error = await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Contains("Route53HealthCheck Unknown", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ChecksOnlyTheAlarmsOfItsRegion()
    {
        _world.AlarmStates[SecondaryAlarm] = CloudWatchAlarmState.Alarm;

        var result = await GateAsync(Tpe);

        Assert.True(result.Healthy);
        _world.CloudWatch.Verify(client => client.DescribeAlarmsAsync(
            It.Is<IReadOnlyCollection<string>>(names => names.SequenceEqual(new[] { PrimaryAlarm })), null, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Gate_UnmanagedRegion_ThrowsInputValidationWithoutChecking()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => GateAsync("eu-west-1"));

        Assert.Equal("region", error.Field);
        _world.VerifyNoAwsOrProbeCall();
    }

    [Fact]
    public async Task Gate_Result_WritesAGateMetric()
    {
        _world.ProbeVerdicts[Tpe] = Verdict.Unhealthy;

        await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Equal("Failed", Assert.Single(_world.Context.Metric("HealthGates")).GetProperty("Result").GetString());
    }

    private Task<GateResponse> GateAsync(string region) => _world.InvokeAsync(
        ValidatorWorld.Json($$"""{"operation":"gate","region":"{{region}}","incidentId":"dr-failback"}"""),
        ContractsJsonContext.Default.GateResponse);
}
