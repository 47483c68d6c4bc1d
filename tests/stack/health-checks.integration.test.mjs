// template.yaml in create mode, deployed into the built lab: the health checks are created through Route 53's API,
// the functions get the ids Route 53 assigned, and the DnsUpdater role may re-point the records to them (associate's
// DELETE + CREATE batch). Needs the built lab (dotnet build tools/DrLab -c Release).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AwsClient } from '../../tools/drill/lib/aws-client.mjs';
import { startService } from '../../tools/drill/lib/processes.mjs';
import { buildDeployment } from '../../tools/stack/deployment.mjs';
import { labFactsFromReady } from '../../tools/stack/lab-parameters.mjs';
import { createHealthChecks, deployToLab } from '../../tools/stack/lab-deploy.mjs';
import { ROOT, parameterFileForTree } from './support/lab.mjs';

const LAB_DLL = join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll');

describe('health checks created into the lab', { skip: existsSync(LAB_DLL) ? false : `the lab is not built (${LAB_DLL})` }, () => {
  let lab;
  let ready;
  let admin;
  let overrides;
  const build = (physicalIds) => buildDeployment({ root: ROOT, lab: labFactsFromReady(ready), parameterFile: parameterFileForTree(), overrides, physicalIds });

  before(async () => {
    lab = await startService('the DR lab', 'dotnet', [LAB_DLL, '--port', '0', '--profile', 'fast'], { logPath: join(mkdtempSync(join(tmpdir(), 'lab-')), 'lab.log') });
    ready = lab.ready;
    const endpoint = (region) => `${region}.${ready.env.DR_RECORD_NAME.replace(/\.$/, '')}`;
    overrides = { main: {
      HealthChecks: 'create',
      PrimaryHealthCheckFqdn: endpoint(ready.env.DR_PRIMARY_REGION),
      SecondaryHealthCheckFqdn: endpoint(ready.env.DR_SECONDARY_REGION),
      HealthCheckIntervalSeconds: 10,
    } };
    admin = new AwsClient({ endpoint: ready.baseUrl, credentials: { accessKeyId: ready.env.AWS_ACCESS_KEY_ID, secretAccessKey: ready.env.AWS_SECRET_ACCESS_KEY } });
  });
  after(() => lab?.stop());

  it('Deploy_CreateMode_FunctionsGetTheCreatedIdsAndAssociateIsAllowed', async () => {
    const ids = await createHealthChecks(build(), admin);
    const deployment = build(ids);
    const { credentials } = await deployToLab(deployment, { labUrl: ready.baseUrl, aws: admin });

    const dns = deployment.functions.find((fn) => fn.code === 'DnsUpdater');
    assert.equal(dns.env.DR_PRIMARY_HEALTH_CHECK_ID, ids.main.PrimaryHealthCheck);
    assert.notEqual(dns.env.DR_PRIMARY_HEALTH_CHECK_ID, ready.env.DR_PRIMARY_HEALTH_CHECK_ID);
    const got = await admin.restXml('route53', 'us-east-1', 'GET', `/2013-04-01/healthcheck/${ids.main.PrimaryHealthCheck}`);
    assert.match(got, /<RequestInterval>10<\/RequestInterval>/);
    assert.match(got, new RegExp(`<FullyQualifiedDomainName>${overrides.main.PrimaryHealthCheckFqdn}</FullyQualifiedDomainName>`));

    // associate's batch, as DnsUpdater sends it with its role: DELETE the record as read, CREATE it with the new id.
    const role = new AwsClient({ endpoint: ready.baseUrl, credentials: credentials[dns.roleArn], maxAttempts: 1 });
    const zone = ready.env.DR_HOSTED_ZONE_ID;
    const listed = await role.restXml('route53', 'us-east-1', 'GET', `/2013-04-01/hostedzone/${zone}/rrset?name=${ready.env.DR_RECORD_NAME}&type=A`);
    const primary = [...listed.matchAll(/<ResourceRecordSet>([\s\S]*?)<\/ResourceRecordSet>/g)].map((m) => m[1])
      .find((record) => record.includes(`<SetIdentifier>${ready.env.DR_PRIMARY_SET_IDENTIFIER}</SetIdentifier>`));
    const repointed = primary.replace(/<HealthCheckId>[^<]*<\/HealthCheckId>/, `<HealthCheckId>${ids.main.PrimaryHealthCheck}</HealthCheckId>`);
    const batch = `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes>`
      + `<Change><Action>DELETE</Action><ResourceRecordSet>${primary}</ResourceRecordSet></Change>`
      + `<Change><Action>CREATE</Action><ResourceRecordSet>${repointed}</ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`;
    const changed = await role.restXml('route53', 'us-east-1', 'POST', `/2013-04-01/hostedzone/${zone}/rrset/`, batch);
    assert.match(changed, /<Status>PENDING<\/Status>/);
  });

  it('CreateHealthChecks_Again_SameIds', async () => {
    const first = await createHealthChecks(build(), admin);

    const again = await createHealthChecks(build(), admin);

    assert.deepEqual(again, first);
  });

  it('CreateHealthChecks_NewInterval_NewChecksTheOldOnesKept', async () => {
    const ten = await createHealthChecks(build(), admin);
    overrides.main.HealthCheckIntervalSeconds = 30;

    const thirty = await createHealthChecks(build(), admin);

    overrides.main.HealthCheckIntervalSeconds = 10;
    assert.notEqual(thirty.main.PrimaryHealthCheck, ten.main.PrimaryHealthCheck);
    const list = await admin.restXml('route53', 'us-east-1', 'GET', '/2013-04-01/healthcheck');
    assert.ok(list.includes(ten.main.PrimaryHealthCheck) && list.includes(thirty.main.PrimaryHealthCheck));
  });
});
