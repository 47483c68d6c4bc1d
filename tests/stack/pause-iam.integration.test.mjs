// The HealthValidator role as deployed from template.yaml, against the lab's IAM and SSM: the one call assess makes for
// the pause (ssm:GetParameter on DR_PAUSE_PARAMETER_NAME, undecrypted) is allowed; any other parameter, and writing or
// deleting the pause, is AccessDeniedException. Needs the built lab (dotnet build tools/DrLab -c Release).
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignatureV4 } from '@smithy/signature-v4';
import { startService } from '../../tools/drill/lib/processes.mjs';
import { buildDeployment } from '../../tools/stack/deployment.mjs';
import { labFactsFromReady } from '../../tools/stack/lab-parameters.mjs';
import { putRoles } from '../../tools/stack/lab-deploy.mjs';
import { ROOT, parameterFileForTree } from './support/lab.mjs';

const LAB_DLL = join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll');

class Sha256 {
  constructor(secret) { this.hash = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(data) { this.hash.update(typeof data === 'string' ? Buffer.from(data) : data); }
  async digest() { return new Uint8Array(this.hash.digest()); }
}

/** An SSM (awsJson1_1) call signed with `credentials` in `region`: { status, body }. */
async function ssm(baseUrl, credentials, region, operation, request) {
  const url = new URL('/', baseUrl);
  const body = JSON.stringify(request);
  const signer = new SignatureV4({ credentials, region, service: 'ssm', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', query: {}, body,
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonSSM.${operation}` },
  });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: JSON.parse((await response.text()) || '{}') };
}

describe('HealthValidator role and the pause parameter in the lab', { skip: existsSync(LAB_DLL) ? false : `the lab is not built (${LAB_DLL})` }, () => {
  let lab;
  let ready;
  let keys;
  let validator;
  let admin;
  before(async () => {
    lab = await startService('the DR lab', 'dotnet', [LAB_DLL, '--port', '0', '--profile', 'fast'], { logPath: join(mkdtempSync(join(tmpdir(), 'lab-')), 'lab.log') });
    ready = lab.ready;
    admin = { accessKeyId: ready.env.AWS_ACCESS_KEY_ID, secretAccessKey: ready.env.AWS_SECRET_ACCESS_KEY };
    const deployment = buildDeployment({ root: ROOT, lab: labFactsFromReady(ready), parameterFile: parameterFileForTree() });
    validator = deployment.functions.find((fn) => fn.code === 'HealthValidator');
    const credentials = await putRoles(deployment, ready.baseUrl);
    keys = credentials[validator.roleArn];
  });
  after(() => lab?.stop());

  const pauseDocument = JSON.stringify({ pausedBy: 'arn:aws:iam::111122223333:user/alice', reason: 'iam test', pausedAt: '2026-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z' });

  it('Environment_PauseParameterName_IsTheStacksPausePath', () => {
    assert.match(validator.env.DR_PAUSE_PARAMETER_NAME, /^\/drlambdas\/[A-Za-z0-9-]+\/pause$/);
  });

  it('GetParameter_ThePauseAbsentThenPresent_IsAllowed', async () => {
    const name = validator.env.DR_PAUSE_PARAMETER_NAME;
    const absent = await ssm(ready.baseUrl, keys, validator.region, 'GetParameter', { Name: name, WithDecryption: false });
    assert.equal(absent.body.__type, 'ParameterNotFound', JSON.stringify(absent.body));

    const put = await ssm(ready.baseUrl, admin, validator.region, 'PutParameter', { Name: name, Value: pauseDocument, Type: 'String', Overwrite: true });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const present = await ssm(ready.baseUrl, keys, validator.region, 'GetParameter', { Name: name, WithDecryption: false });

    assert.equal(present.status, 200, JSON.stringify(present.body));
    assert.equal(present.body.Parameter.Value, pauseDocument);
  });

  it('GetParameter_AnotherParameter_IsAccessDenied', async () => {
    const other = validator.env.DR_PAUSE_PARAMETER_NAME.replace(/pause$/, 'approvals/x');

    const reply = await ssm(ready.baseUrl, keys, validator.region, 'GetParameter', { Name: other });

    assert.equal(reply.status, 400);
    assert.equal(reply.body.__type, 'AccessDeniedException');
  });

  it('PutAndDeleteParameter_ThePause_AreAccessDenied', async () => {
    const name = validator.env.DR_PAUSE_PARAMETER_NAME;

    const put = await ssm(ready.baseUrl, keys, validator.region, 'PutParameter', { Name: name, Value: pauseDocument, Type: 'String', Overwrite: true });
    const deleted = await ssm(ready.baseUrl, keys, validator.region, 'DeleteParameter', { Name: name });

    assert.deepEqual([put.body.__type, deleted.body.__type], ['AccessDeniedException', 'AccessDeniedException']);
  });

  it('GetParameter_ThePauseInTheOtherRegion_IsAccessDenied', async () => {
    const other = [ready.env.DR_PRIMARY_REGION, ready.env.DR_SECONDARY_REGION].find((region) => region !== validator.region);

    const reply = await ssm(ready.baseUrl, keys, other, 'GetParameter', { Name: validator.env.DR_PAUSE_PARAMETER_NAME });

    assert.equal(reply.body.__type, 'AccessDeniedException');
  });
});
