using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Ssm;

/// <summary>
/// <see cref="IParameterStore"/> on the official AWSSDK.SimpleSystemsManagement client (awsJson1_1), configured from
/// the same <see cref="AwsClientOptions"/> as the other clients; AWS errors surface as <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class ParameterStore(IAmazonSimpleSystemsManagement client) : IParameterStore, IDisposable
{
    private const string ServiceName = "SSM";

    public async Task<string?> GetAsync(string name, bool decrypt, CancellationToken cancellationToken = default)
    {
        ParameterNames.Require(name);
        try
        {
            var response = await client.GetParameterAsync(
                new GetParameterRequest { Name = name, WithDecryption = decrypt }, cancellationToken).ConfigureAwait(false);
            return response.Parameter?.Value;
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
        catch (AmazonServiceException ex)
        {
            throw Translate("GetParameter", ex);
        }
        catch (AmazonClientException ex)
        {
            throw TranslateClient("GetParameter", ex);
        }
    }

    public async Task PutAsync(string name, string value, bool secure, bool overwrite, CancellationToken cancellationToken = default)
    {
        ParameterNames.Require(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        try
        {
            await client.PutParameterAsync(
                new PutParameterRequest
                {
                    Name = name,
                    Value = value,
                    Type = secure ? ParameterType.SecureString : ParameterType.String,
                    Overwrite = overwrite,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Translate("PutParameter", ex);
        }
        catch (AmazonClientException ex)
        {
            throw TranslateClient("PutParameter", ex);
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ParameterNames.Require(name);
        try
        {
            await client.DeleteParameterAsync(new DeleteParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ParameterNotFoundException)
        {
            return false;
        }
        catch (AmazonServiceException ex)
        {
            throw Translate("DeleteParameter", ex);
        }
        catch (AmazonClientException ex)
        {
            throw TranslateClient("DeleteParameter", ex);
        }
    }

    public void Dispose() => client.Dispose();

    private static AwsServiceException Translate(string operation, AmazonServiceException ex)
    {
        var code = string.IsNullOrEmpty(ex.ErrorCode) ? AwsClientErrorCodes.InvalidResponse : ex.ErrorCode;
        HttpStatusCode? status = ex.StatusCode == 0 ? null : ex.StatusCode;
        return AwsErrorClassifier.IsRetryable(code, status)
            ? new AwsTransientException(ServiceName, operation, code, ex.Message, ex.RequestId, status, ex)
            : new AwsServiceException(ServiceName, operation, code, ex.Message, ex.RequestId, status, isRetryable: false, ex);
    }

    /// <summary>No AWS answer: unreachable endpoint, timeout, or no credentials.</summary>
    private static AwsServiceException TranslateClient(string operation, AmazonClientException ex) =>
        ex.InnerException is HttpRequestException or TaskCanceledException or TimeoutException
            ? new AwsTransientException(ServiceName, operation, AwsClientErrorCodes.NetworkError, ex.Message, null, null, ex)
            : new AwsServiceException(ServiceName, operation, AwsClientErrorCodes.CredentialsUnavailable, ex.Message, null, null, isRetryable: false, ex);
}
