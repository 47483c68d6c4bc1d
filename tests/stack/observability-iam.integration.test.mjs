// The roles of the game day and of the extra health signals as deployed from template.yaml, evaluated by the lab's
// IAM (contract C1, POST /_lab/iam/simulate) against the calls the code really makes: EventBridge Scheduler's
// StartExecution of the failover machine (not the failback machine), HealthValidator's DescribeAlarms of an extra
// signal in the Region its list belongs to (not another alarm there). Needs the built lab; skipped until it is.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startService } from '../../tools/drill/lib/processes.mjs';
import { labSimulator } from '../../tools/drill/lib/lab-iam.mjs';
import { buildDeployment } from '../../tools/stack/deployment.mjs';
import { labFactsFromReady } from '../../tools/stack/lab-parameters.mjs';
import { putRoles } from '../../tools/stack/lab-deploy.mjs';
import { ROOT, parameterFileForTree } from './support/lab.mjs';

const LAB_DLL = join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll');
const EXTRA = 'orders-mm2-lag';

describe('game-day and extra-signal roles in the lab', { skip: existsSync(LAB_DLL) ? false : `the lab is not built (${LAB_DLL})` }, () => {
  let lab;
  let deployment;
  let simulate;
  before(async () => {
    lab = await startService('the DR lab', 'dotnet', [LAB_DLL, '--port', '0', '--profile', 'fast'], { logPath: join(mkdtempSync(join(tmpdir(), 'lab-')), 'lab.log') });
    deployment = buildDeployment({
      root: ROOT, lab: labFactsFromReady(lab.ready), parameterFile: parameterFileForTree(),
      overrides: { main: { PrimaryExtraSignals: `msk-replication-lag:${EXTRA}` } },
    });
    await putRoles(deployment, lab.ready.baseUrl);
    simulate = labSimulator(lab.ready.baseUrl);
  });
  after(() => lab?.stop());

  const roleArn = (logicalId) => deployment.roles.find((role) => role.logicalId === logicalId).arn;
  const machineArn = (logicalId) => deployment.stateMachines.find((machine) => machine.logicalId === logicalId).arn;
  const ask = (principal, action, resource, region) => simulate({ principal, action, resource, context: { 'aws:RequestedRegion': [region] } });

  it('StartExecution_GameDayRoleOnTheFailoverMachine_IsAllowed', async () => {
    const schedule = deployment.schedules.find((s) => s.logicalId === 'GameDaySchedule');

    const result = await ask(schedule.target.roleArn, 'states:StartExecution', schedule.target.arn, deployment.recoveryRegion);

    assert.equal(schedule.target.arn, machineArn('FailoverStateMachine'));
    assert.equal(result.decision, 'allowed');
  });

  it('StartExecution_GameDayRoleOnTheFailbackMachine_IsDenied', async () => {
    const result = await ask(roleArn('GameDayScheduleRole'), 'states:StartExecution', machineArn('FailbackStateMachine'), deployment.recoveryRegion);

    assert.equal(result.decision, 'implicitDeny');
  });

  it('DescribeAlarms_ValidatorOnAnExtraSignalInItsRegion_IsAllowed', async () => {
    const primary = deployment.functions.find((fn) => fn.code === 'HealthValidator').env.DR_PRIMARY_REGION;
    const resource = `arn:aws:cloudwatch:${primary}:${deployment.accountId}:alarm:${EXTRA}`;

    const result = await ask(roleArn('HealthValidatorRole'), 'cloudwatch:DescribeAlarms', resource, primary);

    assert.equal(result.decision, 'allowed');
  });

  it('DescribeAlarms_ValidatorOnAnotherAlarmOfThePrimaryRegion_IsDenied', async () => {
    const primary = deployment.functions.find((fn) => fn.code === 'HealthValidator').env.DR_PRIMARY_REGION;
    const resource = `arn:aws:cloudwatch:${primary}:${deployment.accountId}:alarm:someone-elses-alarm`;

    const result = await ask(roleArn('HealthValidatorRole'), 'cloudwatch:DescribeAlarms', resource, primary);

    assert.equal(result.decision, 'implicitDeny');
  });
});
