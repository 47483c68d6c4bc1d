import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionEnvironment, toDotenv, toWallSeconds } from '../../tools/drill/lib/function-environment.mjs';
import { definitionSubstitutions } from '../../tools/drill/lib/substitutions.mjs';
import { PRIMARY, SECONDARY, sampleLab } from './support/fixtures.mjs';

const scenario = (overrides = {}) => ({ observer: 'secondary', configuration: {}, substitutions: {}, ...overrides });

describe('toWallSeconds', () => {
  it('ToWallSeconds_FastProfile_DividesByTheTimeScaleAndRounds', () => {
    assert.equal(toWallSeconds(900, 30), 30);
    assert.equal(toWallSeconds(100, 30), 3);
  });

  it('ToWallSeconds_ShortDuration_IsAtLeastOneSecond', () => {
    assert.equal(toWallSeconds(5, 30), 1);
  });

  it('ToWallSeconds_Zero_StaysZero', () => {
    assert.equal(toWallSeconds(0, 30), 0);
  });
});

describe('functionEnvironment', () => {
  it('FunctionEnvironment_ClockDurations_AreScaledDefaults', () => {
    const { env, model } = functionEnvironment(sampleLab(), scenario());

    assert.equal(env.DR_PROMOTION_TIMEOUT_SECONDS, '30');
    assert.equal(env.DR_COOLDOWN_SECONDS, '60');
    assert.equal(model.DR_COOLDOWN_SECONDS, 1800);
  });

  it('FunctionEnvironment_BudgetInputsAndTargets_StayInModelSeconds', () => {
    const { env } = functionEnvironment(sampleLab(), scenario());

    assert.equal(env.DR_RTO_TARGET_SECONDS, '60');
    assert.equal(env.DR_ORCHESTRATION_OVERHEAD_SECONDS, '5');
  });

  it('FunctionEnvironment_BudgetInputsTheLabScaled_GoBackToModelSeconds', () => {
    const { env, model } = functionEnvironment(sampleLab(), scenario());

    assert.equal(env.DR_HEALTH_CHECK_INTERVAL_SECONDS, '30');
    assert.equal(env.DR_PROMOTION_ESTIMATE_SECONDS, '60');
    assert.equal(model.DR_HEALTH_CHECK_INTERVAL_SECONDS, 30);
  });

  it('FunctionEnvironment_LabEndpointAndNames_AreKept', () => {
    const { env } = functionEnvironment(sampleLab(), scenario());

    assert.equal(env.AWS_ENDPOINT_URL, 'http://127.0.0.1:5999');
    assert.equal(env.DR_PRIMARY_SET_IDENTIFIER, 'tpe');
  });

  it('FunctionEnvironment_ScenarioDuration_IsScaledAndRecordedInModelUnits', () => {
    const { env, model } = functionEnvironment(sampleLab(), scenario({ configuration: { DR_PROMOTION_TIMEOUT_SECONDS: 300 } }));

    assert.equal(env.DR_PROMOTION_TIMEOUT_SECONDS, '10');
    assert.equal(model.DR_PROMOTION_TIMEOUT_SECONDS, 300);
  });

  it('FunctionEnvironment_ScenarioModelAndPlainValues_AreNotScaled', () => {
    const { env } = functionEnvironment(sampleLab(), scenario({ configuration: { DR_DATA_LOSS_BUDGET_SECONDS: 5, DR_DNS_TTL_SECONDS: 300, DR_FAILBACK_STEPS: '20,50' } }));

    assert.equal(env.DR_DATA_LOSS_BUDGET_SECONDS, '5');
    assert.equal(env.DR_DNS_TTL_SECONDS, '300');
    assert.equal(env.DR_FAILBACK_STEPS, '20,50');
  });

  it('FunctionEnvironment_PrimaryObserver_RunsInThePrimaryRegionWithItsStateMachine', () => {
    const { env } = functionEnvironment(sampleLab(), scenario({ observer: 'primary' }));

    assert.equal(env.AWS_REGION, PRIMARY);
    assert.equal(env.DR_STATE_MACHINE_ARN, `arn:aws:states:${PRIMARY}:111122223333:stateMachine:dr-failover`);
  });

  it('ToDotenv_Environment_SortedNameValueLines', () => {
    assert.equal(toDotenv({ B: '2', A: 'x=y' }), 'A=x=y\nB=2\n');
  });
});

describe('definitionSubstitutions', () => {
  it('DefinitionSubstitutions_Region_FunctionArnsTopicAndScaledFailbackInterval', () => {
    const lab = sampleLab();
    const { env } = functionEnvironment(lab, scenario({ configuration: { DR_FAILBACK_CHECK_INTERVAL_SECONDS: 60 } }));

    const substitutions = definitionSubstitutions(lab, env, scenario({ substitutions: { FailbackMaxChecks: 20 } }), SECONDARY);

    assert.equal(substitutions.HealthValidatorFunctionArn, `arn:aws:lambda:${SECONDARY}:111122223333:function:HealthValidator`);
    assert.equal(substitutions.AlertTopicArn, `arn:aws:sns:${SECONDARY}:111122223333:dr-notifications`);
    assert.equal(substitutions.PrimaryRegion, PRIMARY);
    assert.equal(substitutions.FailbackCheckIntervalSeconds, '2');
    assert.equal(substitutions.FailbackMaxChecks, 20);
  });
});
