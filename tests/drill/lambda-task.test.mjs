import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpretInvokeResponse, invokeFunction, stepFunctionsErrorName } from '../../tools/drill/lib/lambda-task.mjs';
import { fakeServer } from './support/fake-server.mjs';

const headers = (values) => new Headers(values);

describe('Lambda Tasks through the Invoke API', () => {
  it('StepFunctionsErrorName_RuntimeAndSandboxErrors_AreLambdaUnknown', () => {
    assert.equal(stepFunctionsErrorName('Runtime.ExitError'), 'Lambda.Unknown');
    assert.equal(stepFunctionsErrorName('Sandbox.Timedout'), 'Lambda.Unknown');
  });

  it('StepFunctionsErrorName_FunctionErrorType_IsKept', () => {
    assert.equal(stepFunctionsErrorName('AwsTransientException'), 'AwsTransientException');
  });

  it('InterpretInvokeResponse_Success_ReturnsTheParsedResultAndMeasurements', () => {
    const invocation = interpretInvokeResponse(200, headers({ 'X-DrLambdas-Status': 'Success', 'X-DrLambdas-Cold-Start': 'true', 'X-DrLambdas-Duration-Ms': '12.5' }), '{"status":"INSYNC"}');

    assert.deepEqual(invocation, { ok: true, result: { status: 'INSYNC' }, status: 'Success', coldStart: true, durationMs: 12.5 });
  });

  it('InterpretInvokeResponse_FunctionError_ThrowsWithTheErrorTypeAndTheDocumentAsCause', () => {
    const body = '{"errorType":"ConflictException","errorMessage":"record changed"}';

    const invocation = interpretInvokeResponse(200, headers({ 'X-Amz-Function-Error': 'Unhandled', 'X-DrLambdas-Status': 'Error' }), body);

    assert.equal(invocation.ok, false);
    assert.equal(invocation.error.name, 'ConflictException');
    assert.equal(invocation.error.message, body);
  });

  it('InterpretInvokeResponse_ProcessCrash_IsLambdaUnknown', () => {
    const body = '{"errorType":"Runtime.ExitError","errorMessage":"RequestId: r Error: Runtime exited with error: signal: killed"}';

    const invocation = interpretInvokeResponse(200, headers({ 'X-Amz-Function-Error': 'Unhandled', 'X-DrLambdas-Status': 'Crash' }), body);

    assert.equal(invocation.error.name, 'Lambda.Unknown');
    assert.equal(invocation.status, 'Crash');
  });

  it('InterpretInvokeResponse_TooManyRequests_IsLambdaTooManyRequestsException', () => {
    assert.equal(interpretInvokeResponse(429, headers({}), '{}').error.name, 'Lambda.TooManyRequestsException');
  });

  it('InterpretInvokeResponse_ServiceFailure_IsLambdaServiceException', () => {
    assert.equal(interpretInvokeResponse(502, headers({}), '').error.name, 'Lambda.ServiceException');
  });

  it('InterpretInvokeResponse_UnknownFunction_IsNamedAfterTheServiceErrorType', () => {
    const invocation = interpretInvokeResponse(404, headers({ 'x-amzn-ErrorType': 'ResourceNotFoundException' }), '{"Message":"Function not found"}');

    assert.equal(invocation.error.name, 'Lambda.ResourceNotFoundException');
  });

  it('InterpretInvokeResponse_ResponseNotJson_IsLambdaUnknown', () => {
    assert.equal(interpretInvokeResponse(200, headers({}), 'oops').error.name, 'Lambda.Unknown');
  });

  it('InvokeFunction_Emulator_PostsThePayloadToTheFunctionsInvocationsPath', async () => {
    const server = await fakeServer(() => ({ body: '{"ok":true}', headers: { 'content-type': 'application/json' } }));
    try {
      const invocation = await invokeFunction(server.url, 'DnsUpdater', { operation: 'apply' });

      assert.equal(invocation.ok, true);
      assert.equal(server.requests[0].url, '/2015-03-31/functions/DnsUpdater/invocations');
      assert.deepEqual(JSON.parse(server.requests[0].body), { operation: 'apply' });
    } finally {
      await server.close();
    }
  });

  it('InvokeFunction_EmulatorUnreachable_IsLambdaSdkClientException', async () => {
    const server = await fakeServer(() => ({}));
    await server.close();

    const invocation = await invokeFunction(server.url, 'DnsUpdater', {});

    assert.equal(invocation.error.name, 'Lambda.SdkClientException');
  });
});
