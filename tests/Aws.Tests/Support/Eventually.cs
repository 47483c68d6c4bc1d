namespace DrLambdas.Aws.Tests.Support;

/// <summary>Waits (in real time, briefly) for work scheduled by a fake-clock advance to run.</summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 5)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(5);
        }

        return condition();
    }

    /// <summary>Gives pending continuations a chance to run, then reports whether the condition still holds.</summary>
    public static async Task<bool> StillAsync(Func<bool> condition, int settleMs = 100)
    {
        await Task.Delay(settleMs);
        return condition();
    }
}
