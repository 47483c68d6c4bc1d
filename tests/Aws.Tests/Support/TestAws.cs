using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Aws.Tests.Support;

/// <summary>Builds clients wired to a <see cref="RecordingHandler"/>, fixed credentials and a fake clock.</summary>
public sealed class TestAws : IDisposable
{
    public const string Region = "ap-northeast-1";

    public TestAws(Func<AwsClientOptions, AwsClientOptions>? configure = null)
    {
        Handler = new RecordingHandler(Time);
        var options = new AwsClientOptions
        {
            Region = Region,
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            HttpMessageHandler = Handler,
            TimeProvider = Time,
            Jitter = () => 1.0,
        };
        Factory = new AwsClientFactory(configure is null ? options : configure(options));
    }

    public RecordingHandler Handler { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    public AwsClientFactory Factory { get; }

    public RecordedRequest SingleRequest => Assert.Single(Handler.Requests);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Runs <paramref name="call"/> and advances the fake clock in small steps until it completes.</summary>
    public async Task<T> RunWithClockAsync<T>(Func<Task<T>> call, TimeSpan step)
    {
        var task = call();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(step);
        }

        return await task;
    }

    public void Dispose() => Factory.Dispose();
}
