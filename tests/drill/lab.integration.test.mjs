// `tools/drill/lab.mjs` (make lab) as an operator uses it: started as a process, its environment read from the env
// file, an execution started with StartExecution over the wire runs to its end with the deployed machine and the
// real functions, and SIGTERM stops the lab and every child. Skipped (with the reason) until everything is built:
// scripts/drill.sh builds it (DrLab, LambdaEmulator, the three functions' bootstraps).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AwsClient } from '../../tools/drill/lib/aws-client.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rid = process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64';
const built = [
  join(root, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll'),
  join(root, 'tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll'),
  ...['HealthValidator', 'AuroraPromoter', 'DnsUpdater'].map((name) => join(root, 'artifacts/functions', name, rid, 'bootstrap')),
];
const missing = built.filter((path) => !existsSync(path));

/** `export NAME=value` lines → { NAME: value } (values as lab-environment.mjs quotes them). */
function readEnvFile(path) {
  return Object.fromEntries(readFileSync(path, 'utf8').trim().split('\n').map((line) => {
    const [, name, value] = /^export ([A-Z0-9_]+)=(.*)$/.exec(line) ?? [];
    return [name, value.startsWith("'") ? value.slice(1, -1).replaceAll("'\\''", "'") : value];
  }));
}

async function describeUntilStopped(aws, region, executionArn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const execution = await aws.json('states', region, 'AWSStepFunctions.DescribeExecution', { executionArn });
    if (execution.status !== 'RUNNING' || Date.now() > deadline) return execution;
    await delay(200);
  }
}

describe('make lab (tools/drill/lab.mjs)', { skip: missing.length > 0 && `not built: ${missing.join(', ')}` }, () => {
  let child;
  let exited;
  let env;
  let aws;

  before(async () => {
    const work = mkdtempSync(join(tmpdir(), 'drlab-lab-'));
    const envFile = join(work, 'lab.env');
    child = spawn(process.execPath, [join(root, 'tools/drill/lab.mjs'), '--write-env', envFile, '--logs', join(work, 'logs'), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const lines = createInterface({ input: child.stdout });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "lab ready" within 120 s')), 120_000);
      lines.on('line', (line) => {
        if (line !== 'lab ready') return;
        clearTimeout(timer);
        resolve();
      });
      exited.then(({ code, signal }) => reject(new Error(`lab.mjs exited (${signal ?? code}) before it was ready`)));
    });
    env = readEnvFile(envFile);
    aws = new AwsClient({ endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
  });

  after(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('Lab_EnvFile_NamesTheStackAndTheLab', () => {
    for (const name of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'DR_PRIMARY_REGION', 'DR_STATE_MACHINE_ARN',
      'DR_FAILOVER_STATE_MACHINE_ARN', 'DR_FAILBACK_STATE_MACHINE_ARN', 'DR_LAB_CONTROL_URL']) {
      assert.ok(env[name], `${name} is in the env file`);
    }
    assert.equal(env.AWS_REGION, env.DR_SECONDARY_REGION);
    assert.equal(env.DR_FAILOVER_STATE_MACHINE_ARN, env.DR_STATE_MACHINE_ARN);
  });

  it('StartExecution_DryRunDocument_RunsToSucceededWithAHistory', async () => {
    const started = await aws.json('states', env.AWS_REGION, 'AWSStepFunctions.StartExecution', {
      stateMachineArn: env.DR_FAILOVER_STATE_MACHINE_ARN,
      name: `dry-run-${Date.now()}`,
      input: JSON.stringify({ mode: 'dry-run', reason: 'lab test', requestedBy: 'lab-test' }),
    });

    const execution = await describeUntilStopped(aws, env.AWS_REGION, started.executionArn, 60_000);
    const history = await aws.json('states', env.AWS_REGION, 'AWSStepFunctions.GetExecutionHistory', { executionArn: started.executionArn, maxResults: 1000 });

    assert.equal(execution.status, 'SUCCEEDED');
    assert.equal(JSON.parse(execution.output).assessment.decision.dryRun, true);
    const types = history.events.map((event) => event.type);
    assert.equal(types[0], 'ExecutionStarted');
    assert.equal(types.at(-1), 'ExecutionSucceeded');
    assert.ok(types.includes('LambdaFunctionSucceeded'), `the history shows the Validate invocation: ${types.join(', ')}`);
    assert.deepEqual(history.events.map((event) => event.id), history.events.map((_, index) => index + 1));
  });

  it('Sigterm_StopsTheLabAndItsChildren', async () => {
    child.kill('SIGTERM');
    await exited;

    await assert.rejects(fetch(new URL('/_lab/config', env.AWS_ENDPOINT_URL)), 'the lab no longer answers');
  });
});
