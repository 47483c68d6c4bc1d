// The deployment with a witness Region (preset fast): the witness stack, the probe schedules and composite alarms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDeployment, functionCode } from '../../tools/stack/deployment.mjs';
import { DeploymentError } from '../../tools/stack/errors.mjs';
import { putCompositeAlarmParameters } from '../../tools/stack/lab-deploy.mjs';
import { PRIMARY, ROOT, SECONDARY, labFacts, parameterFileForTree } from './support/lab.mjs';

const WITNESS = 'eu-west-1';
const WITNESS_URL = 'http://127.0.0.1:6001';
const witnessLab = () => labFacts({
  witnessRegion: WITNESS,
  witnessEnv: {
    AWS_ENDPOINT_URL: WITNESS_URL,
    DR_PRIMARY_HEALTH_URL: `${WITNESS_URL}/app/${PRIMARY}/actuator/health`,
    DR_SECONDARY_HEALTH_URL: `${WITNESS_URL}/app/${SECONDARY}/actuator/health`,
  },
});
/** The probe schedules (the readiness and game-day schedules exist with or without a witness). */
const probeSchedules = (deployment) => deployment.schedules.filter((schedule) => schedule.target.input === '{"operation":"probe"}');
const deploy = (lab, options = {}) => buildDeployment({ root: ROOT, lab, parameterFile: parameterFileForTree(), ...options });

describe('buildDeployment with and without a witness', () => {
  it('BuildDeployment_NoWitness_NoWitnessStackNoScheduleNoComposite', () => {
    const deployment = deploy(labFacts({ witnessRegion: '' }));

    // The forwarder waits for the health checks the main stack creates (resolved again once they exist).
    assert.deepEqual(deployment.stacks.map((stack) => stack.name), ['main']);
    assert.deepEqual(deployment.pendingStacks.map((stack) => stack.name), ['forwarder']);
    assert.deepEqual(probeSchedules(deployment), []);
    assert.deepEqual(deployment.compositeAlarms, []);
  });

  const deployment = deploy(witnessLab());

  it('BuildDeployment_Witness_DeploysWitnessYamlInTheWitnessRegion', () => {
    assert.deepEqual(deployment.stacks.map((stack) => [stack.name, stack.region]), [['main', SECONDARY], ['witness', WITNESS]]);
  });

  it('BuildDeployment_WitnessProbe_RunsHealthValidatorWithTheWitnessNetworksHealthUrls', () => {
    const probe = deployment.functions.find((fn) => fn.stack === 'witness');

    assert.equal(probe.code, 'HealthValidator');
    assert.equal(probe.region, WITNESS);
    assert.equal(probe.env.DR_PRIMARY_HEALTH_URL, `${WITNESS_URL}/app/${PRIMARY}/actuator/health`);
    assert.equal(probe.env.DR_PROBE_METRIC_REGION, SECONDARY);
  });

  it('BuildDeployment_Witness_OneScheduleInEachObservingRegionInvokingItsProbe', () => {
    assert.deepEqual(probeSchedules(deployment).map((schedule) => [schedule.stack, schedule.region, schedule.scheduleExpression]).sort(), [
      ['main', SECONDARY, 'rate(1 minute)'], ['witness', WITNESS, 'rate(1 minute)'],
    ]);
    for (const schedule of probeSchedules(deployment)) {
      const target = deployment.functions.find((fn) => fn.arn === schedule.target.arn);
      assert.equal(target.logicalId, 'ProbeFunction');
      assert.equal(schedule.target.input, '{"operation":"probe"}');
      assert.ok(deployment.roles.some((role) => role.arn === schedule.target.roleArn && role.trustedServices.includes('scheduler.amazonaws.com')));
    }
  });

  it('BuildDeployment_Witness_CompositePerRegionOverBothObservers', () => {
    assert.equal(deployment.compositeAlarms.length, 2);
    const primary = deployment.compositeAlarms.find((alarm) => alarm.name === 'drlambdas-primary-probes');
    assert.equal(primary.region, SECONDARY);
    assert.match(primary.properties.AlarmRule, /^ALARM\("drlambdas-primary-probes-recovery"\) AND ALARM\("drlambdas-primary-probes-witness"\)$/);
  });

  it('BuildDeployment_FastProfileClock_ProbeDurationsScaledWithoutRounding', () => {
    const scaled = deploy(witnessLab(), {
      clock: { timeScale: 30, wallVariables: [], exactWallVariables: ['DR_PROBE_INTERVAL_SECONDS', 'DR_PROBE_DURATION_SECONDS'] },
    });
    const probe = scaled.functions.find((fn) => fn.stack === 'witness');

    assert.equal(Number(probe.env.DR_PROBE_INTERVAL_SECONDS), 5 / 30);
    assert.equal(Number(probe.env.DR_PROBE_DURATION_SECONDS), 2);
  });

  it('BuildDeployment_PresetParameter_GivenToEveryTemplateDeclaringIt', () => {
    const fast = deploy(witnessLab(), { parameterOverrides: { ProbeIntervalSeconds: '10', DnsTtlSeconds: '15' } });

    assert.deepEqual(fast.functions.filter((fn) => fn.logicalId === 'ProbeFunction').map((fn) => fn.env.DR_PROBE_INTERVAL_SECONDS), ['10', '10']);
    assert.equal(fast.stacks.find((stack) => stack.name === 'main').modelParameters.DnsTtlSeconds, '15');
  });

  it('BuildDeployment_PresetParameterNoTemplateDeclares_IsADeploymentError', () => {
    assert.throws(() => deploy(witnessLab(), { parameterOverrides: { NoSuchParameter: '1' } }), DeploymentError);
  });
});

describe('lab deployment calls', () => {
  it('PutCompositeAlarmParameters_RuleAndDescription', () => {
    assert.deepEqual(putCompositeAlarmParameters('primary-probes', { AlarmRule: 'ALARM("a") AND ALARM("b")', AlarmDescription: 'both' }), {
      Action: 'PutCompositeAlarm', Version: '2010-08-01', AlarmName: 'primary-probes', AlarmRule: 'ALARM("a") AND ALARM("b")', AlarmDescription: 'both',
    });
  });

  it('FunctionCode_ProbeFunction_IsWhatTheMakefileBuildsForIt', () => {
    assert.equal(functionCode(ROOT, 'ProbeFunction'), 'HealthValidator');
    assert.equal(functionCode(ROOT, 'DnsUpdaterFunction'), 'DnsUpdater');
  });
});


