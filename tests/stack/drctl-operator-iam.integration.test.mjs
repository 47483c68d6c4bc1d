// The template's OperatorPolicy as deployed, against the lab's IAM: the real drctl (src/Drctl) runs its commands
// with a principal holding exactly that policy, and the lab's request log shows no call it denied — the policy is
// evaluated against the calls drctl really makes. A principal without one statement gets drctl's one line naming
// the missing action. Needs the built lab and drctl (dotnet build tools/DrLab src/Drctl -c Release).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startService } from '../../tools/drill/lib/processes.mjs';
import { buildDeployment } from '../../tools/stack/deployment.mjs';
import { labFactsFromReady } from '../../tools/stack/lab-parameters.mjs';
import { rolesDocument } from '../../tools/stack/lab-deploy.mjs';
import { ROOT, parameterFileForTree } from './support/lab.mjs';

const LAB_DLL = join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll');
const DRCTL_DLL = join(ROOT, 'src/Drctl/bin/Release/net10.0/drctl.dll');
const OPERATOR = 'arn:aws:iam::111122223333:role/drlab-operator';
const NARROW = 'arn:aws:iam::111122223333:role/drlab-operator-without-executions';
const missing = [LAB_DLL, DRCTL_DLL].filter((path) => !existsSync(path));

describe('drctl with the OperatorPolicy in the lab', { skip: missing.length ? `not built: ${missing.join(', ')}` : false }, () => {
  let lab;
  let env;
  let keys;
  let stackName;
  before(async () => {
    lab = await startService('the DR lab', 'dotnet', [LAB_DLL, '--port', '0', '--profile', 'fast'], { logPath: join(mkdtempSync(join(tmpdir(), 'lab-')), 'lab.log') });
    // The stack's health checks stand for the lab's built-in ones (they exist, with the records associated).
    const physicalIds = { main: { PrimaryHealthCheck: lab.ready.env.DR_PRIMARY_HEALTH_CHECK_ID, SecondaryHealthCheck: lab.ready.env.DR_SECONDARY_HEALTH_CHECK_ID } };
    const deployment = buildDeployment({ root: ROOT, lab: labFactsFromReady(lab.ready), parameterFile: parameterFileForTree(), physicalIds });
    const policy = deployment.managedPolicies.find((p) => p.logicalId === 'OperatorPolicy');
    assert.ok(policy, 'the template deploys OperatorPolicy');
    const narrow = { ...policy.document, Statement: policy.document.Statement.filter((s) => s.Sid !== 'StartAndListExecutions') };
    const document = rolesDocument(deployment);
    document.roles.push(
      { arn: OPERATOR, policies: [{ name: 'OperatorPolicy', document: policy.document }] },
      { arn: NARROW, policies: [{ name: 'OperatorPolicy', document: narrow }] },
    );
    const response = await fetch(new URL('/_lab/iam/roles', lab.ready.baseUrl), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
    assert.equal(response.status, 200, await response.clone().text());
    keys = Object.fromEntries((await response.json()).roles.map((role) => [role.arn, role]));
    const validator = deployment.functions.find((fn) => fn.code === 'HealthValidator');
    stackName = deployment.stacks.find((stack) => stack.name === 'main').stackName;
    const machine = (suffix) => deployment.stateMachines.find((sm) => sm.arn.endsWith(`:stateMachine:${stackName}-${suffix}`)).arn;
    env = {
      ...validator.env,
      AWS_ENDPOINT_URL: lab.ready.baseUrl,
      AWS_REGION: deployment.recoveryRegion,
      DR_FAILOVER_STATE_MACHINE_ARN: machine('failover'),
      DR_FAILBACK_STATE_MACHINE_ARN: machine('failback'),
      DR_PAUSE_PARAMETER_NAME: `/drlambdas/${stackName}/pause`,
      DR_APPROVAL_PARAMETER_PREFIX: `/drlambdas/${stackName}/approvals`,
      DR_READINESS_PARAMETER_NAME: `/drlambdas/${stackName}/readiness`,
    };
  });
  after(async () => { await lab?.stop(); });

  /** Runs drctl as `principal`; { status, stdout, stderr }. */
  function drctl(principal, ...args) {
    const { accessKeyId, secretAccessKey } = keys[principal];
    const result = spawnSync('dotnet', [DRCTL_DLL, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTNET_CLI_HOME: process.env.DOTNET_CLI_HOME ?? '', ...env, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function requestsOf(principal) {
    const response = await fetch(new URL('/_lab/requests', lab.ready.baseUrl));
    return (await response.json()).filter((entry) => entry.principal === principal);
  }

  it('allows every call of status, history, report, watch, pause and resume', async () => {
    drctl(OPERATOR, 'status', '--json');
    drctl(OPERATOR, 'history', '--json');
    drctl(OPERATOR, 'report', 'no-such-execution');
    drctl(OPERATOR, 'watch', 'no-such-execution');
    const sts = drctl(OPERATOR, 'pause', '--reason', 'policy test', '--for', '5m');
    if (!sts.stderr.includes("service 'sts'")) {
      drctl(OPERATOR, 'resume', '--reason', 'policy test');
    }
    const calls = await requestsOf(OPERATOR);
    const denied = calls.filter((entry) => /^AccessDenied/.test(entry.outcome));
    assert.deepEqual(denied.map((entry) => `${entry.service}:${entry.operation} ${entry.detail}`), []);
    const made = new Set(calls.map((entry) => `${entry.service}:${entry.operation}`));
    for (const call of ['rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'route53:ListResourceRecordSets', 'monitoring:DescribeAlarms',
      'monitoring:GetMetricData', 'states:ListExecutions', 'states:DescribeExecution', 'ssm:GetParameter']) {
      assert.ok(made.has(call), `drctl made no ${call} call (made: ${[...made].join(', ')})`);
    }
  });

  it('names the missing action in one line when a statement is missing', () => {
    const run = drctl(NARROW, 'history');
    assert.equal(run.status, 3, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^drctl: missing permission states:ListExecutions /);
  });
});
