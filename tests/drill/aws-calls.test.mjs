import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsClient, AwsError, parseJsonError, parseQueryError } from '../../tools/drill/lib/aws-client.mjs';
import { executionName, finishDocument, startExecution } from '../../tools/drill/lib/execution-registry.mjs';
import { publish, publishParameters, regionOfTopic } from '../../tools/drill/lib/sns-task.mjs';
import { fakeServer } from './support/fake-server.mjs';
import { expectedSignature } from './support/sigv4-reference.mjs';

const CREDENTIALS = { accessKeyId: 'AKIDDRLAB', secretAccessKey: 'drlab-secret' };
const TOPIC = 'arn:aws:sns:ap-northeast-1:111122223333:dr-notifications';
const PUBLISHED = '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>';
const THROTTLED = '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-2</RequestId></ErrorResponse>';
const noPause = async () => {};

function client(url, maxAttempts = 4) {
  return new AwsClient({ endpoint: url, credentials: CREDENTIALS, maxAttempts, sleep: noPause });
}

describe('SNS publish Task', () => {
  it('PublishParameters_TaskInput_AwsQueryFormWithMessageAttributes', () => {
    const parameters = publishParameters({ TopicArn: TOPIC, Subject: 'S', Message: 'M', MessageAttributes: { severity: { DataType: 'String', StringValue: 'high' } } });

    assert.deepEqual(parameters, {
      Action: 'Publish', Version: '2010-03-31', TopicArn: TOPIC, Subject: 'S', Message: 'M',
      'MessageAttributes.entry.1.Name': 'severity', 'MessageAttributes.entry.1.Value.DataType': 'String', 'MessageAttributes.entry.1.Value.StringValue': 'high',
    });
  });

  it('RegionOfTopic_NotATopicArn_ThrowsSnsInvalidParameter', () => {
    assert.throws(() => regionOfTopic('not-an-arn'), (error) => error.name === 'SNS.InvalidParameterException');
  });

  it('Publish_Lab_SendsASigV4SignedQueryToTheTopicsRegion', async () => {
    const server = await fakeServer(() => ({ body: PUBLISHED, headers: { 'content-type': 'text/xml' } }));
    try {
      const result = await publish(client(server.url), { TopicArn: TOPIC, Subject: 'Failover complete', Message: 'body & more' });

      const request = server.requests[0];
      assert.deepEqual(result, { MessageId: 'm-1', SdkResponseMetadata: { RequestId: 'r-1' } });
      assert.equal(new URLSearchParams(request.body).get('Message'), 'body & more');
      assert.match(request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDDRLAB\/\d{8}\/ap-northeast-1\/sns\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
      const signature = /Signature=([0-9a-f]{64})/.exec(request.headers.authorization)[1];
      assert.equal(signature, expectedSignature({ headers: request.headers, body: request.body, secretAccessKey: 'drlab-secret', region: 'ap-northeast-1', service: 'sns' }));
    } finally {
      await server.close();
    }
  });

  it('Publish_ServiceRejects_ThrowsSnsErrorNamedAfterTheCode', async () => {
    const server = await fakeServer(() => ({ status: 404, body: '<ErrorResponse><Error><Code>NotFound</Code><Message>Topic does not exist</Message></Error></ErrorResponse>' }));
    try {
      await assert.rejects(publish(client(server.url), { TopicArn: TOPIC, Message: 'M' }), (error) => error.name === 'SNS.NotFoundException' && /Topic does not exist/.test(error.message));
    } finally {
      await server.close();
    }
  });
});

describe('AwsClient', () => {
  it('ParseQueryError_ErrorResponse_ReadsCodeMessageAndRequestId', () => {
    assert.deepEqual(parseQueryError(THROTTLED), { code: 'Throttling', message: 'Rate exceeded', requestId: 'r-2' });
  });

  it('ParseJsonError_TypeWithNamespace_KeepsTheShortCode', () => {
    assert.deepEqual(parseJsonError('{"__type":"com.amazonaws.states#ExecutionAlreadyExists","message":"exists"}'), { code: 'ExecutionAlreadyExists', message: 'exists' });
  });

  it('Query_ThrottledThenAccepted_RetriesAndSucceeds', async () => {
    const server = await fakeServer((_, __, index) => (index < 2 ? { status: 400, body: THROTTLED } : { body: PUBLISHED }));
    try {
      const xml = await client(server.url).query('sns', 'ap-northeast-1', { Action: 'Publish' });

      assert.match(xml, /m-1/);
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });

  it('Query_ThrottledEveryTime_GivesUpAfterMaxAttempts', async () => {
    const server = await fakeServer(() => ({ status: 400, body: THROTTLED }));
    try {
      await assert.rejects(client(server.url, 3).query('sns', 'ap-northeast-1', {}), (error) => error instanceof AwsError && error.code === 'Throttling');
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });

  it('Query_ValidationError_IsNotRetried', async () => {
    const server = await fakeServer(() => ({ status: 400, body: '<ErrorResponse><Error><Code>InvalidParameter</Code><Message>bad</Message></Error></ErrorResponse>' }));
    try {
      await assert.rejects(client(server.url).query('sns', 'ap-northeast-1', {}), (error) => error.retryable === false);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});

describe('execution registry', () => {
  it('StartExecution_Lab_CallsAwsJsonStartExecutionSignedForStates', async () => {
    const server = await fakeServer(() => ({ body: '{"executionArn":"arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:x","startDate":1764115200.123}' }));
    try {
      const started = await startExecution(client(server.url), 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover', 'x', { a: 1 });

      const request = server.requests[0];
      assert.deepEqual(started, { executionArn: 'arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:x', startDate: 1764115200123 });
      assert.equal(request.headers['x-amz-target'], 'AWSStepFunctions.StartExecution');
      assert.equal(request.headers['content-type'], 'application/x-amz-json-1.0');
      assert.deepEqual(JSON.parse(request.body), { stateMachineArn: 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover', name: 'x', input: '{"a":1}' });
      assert.match(request.headers.authorization, /\/ap-northeast-1\/states\/aws4_request/);
    } finally {
      await server.close();
    }
  });

  it('ExecutionName_AnyId_IsAValidUniqueStepFunctionsName', () => {
    const first = executionName('alarm-a', 1, () => 0.1);
    const second = executionName('alarm-a', 1, () => 0.9);

    assert.match(first, /^alarm-a-[a-z0-9]+$/);
    assert.ok(first.length <= 80);
    assert.notEqual(first, second);
  });

  it('FinishDocument_Succeeded_CarriesTheOutputAsJson', () => {
    assert.deepEqual(finishDocument('arn:x', { status: 'SUCCEEDED', output: { a: 1 } }), { executionArn: 'arn:x', status: 'SUCCEEDED', output: '{"a":1}' });
  });

  it('FinishDocument_Failed_CarriesErrorAndCause', () => {
    assert.deepEqual(finishDocument('arn:x', { status: 'FAILED', error: 'PromotionTimedOut', cause: 'Step PromoteStatus failed' }), {
      executionArn: 'arn:x', status: 'FAILED', error: 'PromotionTimedOut', cause: 'Step PromoteStatus failed',
    });
  });
});
