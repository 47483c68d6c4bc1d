namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Runs one evidence source with its own timeout: a source that throws or does not answer in time yields a
/// failed <see cref="SourceResult{T}"/>, never an exception, so one bad source cannot sink the assessment.
/// </summary>
internal sealed class SourceRunner(TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="read"/>, cancelling it after <paramref name="timeout"/>.</summary>
    /// <exception cref="OperationCanceledException">The invocation itself was cancelled.</exception>
    public async Task<SourceResult<T>> RunAsync<T>(Func<CancellationToken, Task<T>> read, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            // WaitAsync bounds sources that ignore their token.
            var value = await read(linked.Token).WaitAsync(timeout, timeProvider, cancellationToken);
            return SourceResult<T>.Success(value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException)
        {
            return SourceResult<T>.TimedOut(timeout);
        }
        catch (OperationCanceledException)
        {
            return SourceResult<T>.TimedOut(timeout);
        }
        catch (Exception exception)
        {
            return SourceResult<T>.Failed(exception);
        }
    }
}
