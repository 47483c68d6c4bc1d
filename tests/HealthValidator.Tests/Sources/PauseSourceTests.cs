using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Pause;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Sources;

/// <summary><c>assess</c> reads the pause parameter as one more evidence source and shows it in the decision and the notice.</summary>
public sealed class PauseSourceTests : IDisposable
{
    private const string Name = "/drlambdas/dr/pause";
    private const string Alice = "arn:aws:sts::111122223333:assumed-role/dr-operator/alice";

    private readonly ValidatorWorld _world = new(Load(variables => variables[EnvironmentVariables.PauseParameterName] = Name));

    public void Dispose() => _world.Dispose();

    private void Pause(double hoursLeft = 1) => _world.Parameters[Name] =
        new PauseDocument(Alice, "database upgrade", ValidatorWorld.T0.AddHours(-1), ValidatorWorld.T0.AddHours(hoursLeft)).ToJson();

    [Fact]
    public async Task Assess_PrimaryOutageWhilePaused_DecidesNoneAndReadsTheParameterUndecrypted()
    {
        _world.PrimaryRegionOutage();
        Pause();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Equal(ReasonCode.AutomaticFailoverPaused, Assert.Single(result.Decision.Reasons).Code);
        Assert.Empty(result.DesiredWeights);
        _world.ParameterStore.Verify(store => store.GetAsync(Name, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Assess_WhilePaused_DecisionDocumentCarriesThePause()
    {
        _world.PrimaryRegionOutage();
        Pause();

        var pause = (await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm))).Decision.Pause!;

        Assert.Equal((PauseStatus.Active, Name, Alice, "database upgrade"), (pause.Status, pause.ParameterName, pause.PausedBy, pause.Reason));
        Assert.Equal((ValidatorWorld.T0.AddHours(-1), ValidatorWorld.T0.AddHours(1)), (pause.PausedAt, pause.ExpiresAt));
    }

    [Fact]
    public async Task Assess_WhilePaused_NoticeSaysPausedByWhomWhyAndUntil()
    {
        _world.PrimaryRegionOutage();
        Pause();

        var notice = (await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm))).Notice;

        Assert.Contains("PAUSED", notice.Subject, StringComparison.Ordinal);
        Assert.Contains(
            $"Pause: automatic failover PAUSED by {Alice} since 2026-11-25T23:00:00Z until 2026-11-26T01:00:00Z: database upgrade.",
            notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ParameterAccessDenied_EscalatesNamingTheError()
    {
        _world.PrimaryRegionOutage();
        _world.ParameterStore.Setup(store => store.GetAsync(Name, false, It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("SSM", "GetParameter", "AccessDeniedException"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        var reason = Assert.Single(result.Decision.Reasons);
        Assert.Equal(ReasonCode.PauseStateUnknown, reason.Code);
        Assert.Contains("AccessDeniedException", reason.Message, StringComparison.Ordinal);
        Assert.Contains("Pause: UNKNOWN", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ParameterNeverAnswers_EscalatesAfterTheSourceTimeout()
    {
        _world.PrimaryRegionOutage();
        _world.ParameterStore.Setup(store => store.GetAsync(Name, false, It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<string?>().Task);

        var assessing = _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));
        while (!assessing.IsCompleted)
        {
            _world.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }

        var result = await assessing;
        Assert.Equal((DecisionAction.Escalate, PauseStatus.Unreadable), (result.Decision.Action, result.Decision.Pause!.Status));
        Assert.Contains("no answer within", result.Decision.Pause.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_MalformedPauseDocument_Escalates()
    {
        _world.PrimaryRegionOutage();
        _world.Parameters[Name] = "paused until further notice";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal((DecisionAction.Escalate, PauseStatus.Unreadable), (result.Decision.Action, result.Decision.Pause!.Status));
        Assert.Contains("malformed pause document", result.Decision.Pause.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ExpiredPause_FailsOverAndNoticeSaysExpired()
    {
        _world.PrimaryRegionOutage();
        Pause(hoursLeft: -0.5);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        Assert.Equal(PauseStatus.Expired, result.Decision.Pause!.Status);
        Assert.Contains("Pause: expired at 2026-11-25T23:30:00Z", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_NoParameter_FailsOverAndNoticeSaysNotPaused()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal((DecisionAction.Failover, PauseStatus.NotPaused), (result.Decision.Action, result.Decision.Pause!.Status));
        Assert.Contains("Pause: not paused.", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_ManualFailoverWhilePaused_Acts()
    {
        _world.PrimaryRegionOutage();
        Pause();

        var result = await _world.AssessAsync(ValidatorWorld.ManualDocument("failover"));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        Assert.Equal(ReasonCode.PauseDoesNotApplyToManualRequest, result.Decision.Reasons[0].Code);
    }

    [Fact]
    public async Task Assess_PauseNotConfigured_NeverCallsParameterStore()
    {
        using var world = new ValidatorWorld();
        world.PrimaryRegionOutage();

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal((DecisionAction.Failover, PauseStatus.NotConfigured), (result.Decision.Action, result.Decision.Pause!.Status));
        world.ParameterStore.VerifyNoOtherCalls();
    }
}
