// The DnsUpdater role as deployed from template.yaml, against the lab's IAM (contract C1): the change batch the code
// sends (contract C5: DELETE of each current weighted record + CREATE with the new weight, one batch) is allowed,
// an UPSERT is not. Needs the built lab (dotnet build tools/DrLab -c Release); skipped while the lab has no IAM.
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

/** A Route 53 restXml call signed with `credentials`: { status, text }. */
async function route53(baseUrl, credentials, method, path, body) {
  const url = new URL(path, baseUrl);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'route53', sha256: Sha256 });
  const signed = await signer.sign({ method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers: { host: url.host, ...(body ? { 'content-type': 'application/xml' } : {}) }, body });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

/** The weighted records of the managed name, as ListResourceRecordSets returns them (XML fragments). */
function weightedRecords(xml, name) {
  return [...xml.matchAll(/<ResourceRecordSet>([\s\S]*?)<\/ResourceRecordSet>/g)].map((match) => match[1])
    .filter((record) => record.includes(`<Name>${name}</Name>`) && record.includes('<Weight>'));
}

function changeBatch(changes) {
  const body = changes.map(([action, record]) => `<Change><Action>${action}</Action><ResourceRecordSet>${record}</ResourceRecordSet></Change>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Comment>iam test</Comment><Changes>${body}</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`;
}

describe('DnsUpdater role in the lab', { skip: existsSync(LAB_DLL) ? false : `the lab is not built (${LAB_DLL})` }, () => {
  let lab;
  let ready;
  let keys;
  let skipReason;
  before(async () => {
    lab = await startService('the DR lab', 'dotnet', [LAB_DLL, '--port', '0', '--profile', 'fast'], { logPath: join(mkdtempSync(join(tmpdir(), 'lab-')), 'lab.log') });
    ready = lab.ready;
    const deployment = buildDeployment({ root: ROOT, lab: labFactsFromReady(ready), parameterFile: parameterFileForTree() });
    try {
      const credentials = await putRoles(deployment, ready.baseUrl);
      keys = credentials[deployment.functions.find((fn) => fn.code === 'DnsUpdater').roleArn];
    } catch (error) {
      skipReason = `the lab has no IAM yet (contract C1): ${error.message}`;
    }
  });
  after(() => lab?.stop());

  async function records(admin) {
    const zone = ready.env.DR_HOSTED_ZONE_ID;
    const listed = await route53(ready.baseUrl, admin, 'GET', `/2013-04-01/hostedzone/${zone}/rrset`);
    assert.equal(listed.status, 200, listed.text);
    return weightedRecords(listed.text, ready.env.DR_RECORD_NAME.replace(/\.?$/, '.'));
  }

  it('ChangeResourceRecordSets_DeleteAndCreateOfTheManagedRecords_IsAllowed', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const admin = { accessKeyId: ready.env.AWS_ACCESS_KEY_ID, secretAccessKey: ready.env.AWS_SECRET_ACCESS_KEY };
    const current = await records(admin);
    assert.equal(current.length, 2);
    const batch = changeBatch([...current.map((record) => ['DELETE', record]), ...current.map((record) => ['CREATE', record])]);

    const reply = await route53(ready.baseUrl, keys, 'POST', `/2013-04-01/hostedzone/${ready.env.DR_HOSTED_ZONE_ID}/rrset/`, batch);

    assert.equal(reply.status, 200, reply.text);
  });

  it('ChangeResourceRecordSets_Upsert_IsAccessDenied', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const admin = { accessKeyId: ready.env.AWS_ACCESS_KEY_ID, secretAccessKey: ready.env.AWS_SECRET_ACCESS_KEY };
    const [first] = await records(admin);

    const reply = await route53(ready.baseUrl, keys, 'POST', `/2013-04-01/hostedzone/${ready.env.DR_HOSTED_ZONE_ID}/rrset/`, changeBatch([['UPSERT', first]]));

    assert.equal(reply.status, 403, reply.text);
    assert.match(reply.text, /AccessDenied/);
  });
});
