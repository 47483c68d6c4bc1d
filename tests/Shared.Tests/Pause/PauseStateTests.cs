using DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Tests.Pause;

public class PauseStateTests
{
    private const string Name = "/drlambdas/dr/pause";
    private static readonly DateTimeOffset PausedAt = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = PausedAt.AddHours(2);
    private static readonly string Document =
        new PauseDocument("arn:aws:iam::111122223333:user/alice", "maintenance", PausedAt, ExpiresAt).ToJson();

    [Fact]
    public void Of_AbsentParameter_IsNotPaused()
    {
        var state = PauseState.Of(Name, null, PausedAt);

        Assert.Equal((PauseStatus.NotPaused, false), (state.Status, state.IsActive));
    }

    [Fact]
    public void Of_DocumentBeforeExpiry_IsActive()
    {
        var state = PauseState.Of(Name, Document, ExpiresAt.AddTicks(-1));

        Assert.Equal(PauseStatus.Active, state.Status);
        Assert.Equal("maintenance", state.Document!.Reason);
    }

    [Fact]
    public void Of_DocumentAtExpiry_IsExpiredAndNotActive()
    {
        var state = PauseState.Of(Name, Document, ExpiresAt);

        Assert.Equal((PauseStatus.Expired, false), (state.Status, state.IsActive));
    }

    [Fact]
    public void Of_MalformedDocument_IsUnreadableWithTheProblem()
    {
        var state = PauseState.Of(Name, """{"pausedBy":"a"}""", PausedAt);

        Assert.Equal(PauseStatus.Unreadable, state.Status);
        Assert.Contains("reason", state.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_Active_NamesWhoWhenWhyAndUntil()
    {
        var evidence = PauseState.Of(Name, Document, PausedAt).Evidence();

        Assert.Equal(
            "pause:/drlambdas/dr/pause active: paused by arn:aws:iam::111122223333:user/alice at 2026-11-26T00:00:00Z until 2026-11-26T02:00:00Z: maintenance",
            evidence);
    }
}
