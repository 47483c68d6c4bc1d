using DrLambdas.Aws;

namespace DrLambdas.DrLab.Tests.Services;

/// <summary>The project's SSM client (AWSSDK.SimpleSystemsManagement) against the running lab, as admin and as deployed roles.</summary>
public sealed class ParameterStoreAgainstLabTests(RunningLab lab) : IClassFixture<RunningLab>
{
    private const string Name = "/drlambdas/dr/pause";

    private static string GetOnly(string resource) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"{{resource}}"}]}""";

    [Fact]
    public async Task PutGetDelete_Admin_RoundTripsAndMissingIsNull()
    {
        await lab.ResetAsync();
        var store = lab.AdminClients().ParameterStore;

        await store.PutAsync(Name, """{"reason":"r"}""", secure: false, overwrite: false);
        var read = await store.GetAsync(Name, decrypt: false);
        var deleted = await store.DeleteAsync(Name);
        var afterDelete = await store.GetAsync(Name, decrypt: false);
        var deletedAgain = await store.DeleteAsync(Name);

        Assert.Equal(("""{"reason":"r"}""", true, null, false), (read, deleted, afterDelete, deletedAgain));
    }

    [Fact]
    public async Task PutAsync_ExistingWithoutOverwrite_ThrowsParameterAlreadyExists()
    {
        await lab.ResetAsync();
        var store = lab.AdminClients().ParameterStore;
        await store.PutAsync(Name, "1", secure: false, overwrite: false);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => store.PutAsync(Name, "2", secure: false, overwrite: false));

        Assert.Equal("ParameterAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_SecureString_OpaqueUnlessDecrypted()
    {
        await lab.ResetAsync();
        var store = lab.AdminClients().ParameterStore;
        await store.PutAsync(Name, "token", secure: true, overwrite: false);

        var hidden = await store.GetAsync(Name, decrypt: false);
        var shown = await store.GetAsync(Name, decrypt: true);

        Assert.NotEqual("token", hidden);
        Assert.Equal("token", shown);
    }

    [Fact]
    public async Task GetAsync_RoleAllowedOnThatParameterOnly_ReadsItAndIsDeniedTheSibling()
    {
        await lab.ResetAsync();
        await lab.AdminClients().ParameterStore.PutAsync(Name, "p", secure: false, overwrite: false);
        await lab.AdminClients().ParameterStore.PutAsync("/drlambdas/dr/other", "o", secure: false, overwrite: false);
        var keys = await lab.DeployAsync(("validator", GetOnly("arn:aws:ssm:ap-northeast-1:111122223333:parameter/drlambdas/dr/pause")));
        var store = lab.Clients(keys["validator"]).ParameterStore;

        var allowed = await store.GetAsync(Name, decrypt: false);
        var denied = await Assert.ThrowsAsync<AwsServiceException>(() => store.GetAsync("/drlambdas/dr/other", decrypt: false));
        var putDenied = await Assert.ThrowsAsync<AwsServiceException>(() => store.PutAsync(Name, "x", secure: false, overwrite: true));

        Assert.Equal("p", allowed);
        Assert.Equal(("AccessDeniedException", false), (denied.ErrorCode, denied.IsRetryable));
        Assert.Equal("AccessDeniedException", putDenied.ErrorCode);
    }
}
