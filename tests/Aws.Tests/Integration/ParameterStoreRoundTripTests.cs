using DrLambdas.Aws.Ssm;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class ParameterStoreRoundTripTests(MotoServerFixture moto) : IDisposable
{
    private readonly AwsClientFactory _aws = new(moto.Options());
    private readonly string _name = "/drlambdas/test-" + Guid.NewGuid().ToString("N")[..8] + "/pause";

    private IParameterStore Store => _aws.ParameterStore;

    [Fact]
    public async Task PutThenGet_String_ReturnsTheValue()
    {
        await Store.PutAsync(_name, """{"reason":"maintenance"}""", secure: false, overwrite: false);

        var value = await Store.GetAsync(_name, decrypt: false);

        Assert.Equal("""{"reason":"maintenance"}""", value);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        var value = await Store.GetAsync(_name, decrypt: false);

        Assert.Null(value);
    }

    [Fact]
    public async Task PutAsync_ExistingWithoutOverwrite_ThrowsParameterAlreadyExists()
    {
        await Store.PutAsync(_name, "1", secure: false, overwrite: false);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Store.PutAsync(_name, "2", secure: false, overwrite: false));

        Assert.Equal("ParameterAlreadyExists", error.ErrorCode);
        Assert.False(error.IsRetryable);
        Assert.Equal("1", await Store.GetAsync(_name, decrypt: false));
    }

    [Fact]
    public async Task PutAsync_Overwrite_ReplacesTheValue()
    {
        await Store.PutAsync(_name, "1", secure: false, overwrite: false);

        await Store.PutAsync(_name, "2", secure: false, overwrite: true);

        Assert.Equal("2", await Store.GetAsync(_name, decrypt: false));
    }

    [Fact]
    public async Task PutThenGet_SecureStringWithDecryption_ReturnsThePlaintext()
    {
        await Store.PutAsync(_name, "task-token", secure: true, overwrite: false);

        var value = await Store.GetAsync(_name, decrypt: true);

        Assert.Equal("task-token", value);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_TrueThenFalse()
    {
        await Store.PutAsync(_name, "1", secure: false, overwrite: false);

        var first = await Store.DeleteAsync(_name);
        var second = await Store.DeleteAsync(_name);

        Assert.Equal((true, false), (first, second));
        Assert.Null(await Store.GetAsync(_name, decrypt: false));
    }

    public void Dispose() => _aws.Dispose();
}
