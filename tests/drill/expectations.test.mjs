import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExpectations, factsOf, integrityChecks } from '../../tools/drill/lib/expectations.mjs';
import { measureRecovery } from '../../tools/drill/lib/measure.mjs';
import { measureUserRecovery } from '../../tools/drill/lib/user-rto.mjs';
import { finalWorld } from '../../tools/drill/lib/world.mjs';
import { sampleLab, scenarioResult } from './support/fixtures.mjs';

const T = Date.parse('2026-11-26T00:00:00Z');

function facts(overrides) {
  const result = scenarioResult(T, overrides);
  return factsOf(result, finalWorld(sampleLab(), result.finalState), measureRecovery(result), measureUserRecovery(result, sampleLab()));
}

const failed = (checks) => checks.filter((c) => !c.passed).map((c) => c.name);

describe('factsOf', () => {
  it('FactsOf_FailoverRun_SummarisesExecutionsAndGroundTruthInRoles', () => {
    const f = facts();

    assert.deepEqual(f.executions.alarm.status, 'SUCCEEDED');
    assert.deepEqual(f.decisions, { Failover: 1 });
    assert.deepEqual(f.promotions, { Failover: 1 });
    assert.equal(f.finalWriter, 'secondary');
    assert.deepEqual(f.finalWeights, { primary: 0, secondary: 100 });
    assert.equal(f.lostWrites, 8);
    assert.equal(f.rtoSeconds, 180.5);
  });
});

describe('checkExpectations', () => {
  it('CheckExpectations_AllMet_EveryCheckPasses', () => {
    const checks = checkExpectations({
      executions: { alarm: { status: 'SUCCEEDED', decision: 'Failover', visited: ['Verify'], notVisited: ['NotifyFailure'] } },
      decisions: { Failover: 1 },
      promotions: { Failover: 1, Switchover: 0 },
      maxDatabaseOperations: 1,
      dnsChanges: 1,
      finalWriter: 'secondary',
      finalWeights: { primary: 0, secondary: 100 },
      maxLostWrites: 10,
      notificationCount: 1,
      notifications: [{ severity: 'high', subjectIncludes: 'recovered' }],
      maxRtoSeconds: 200,
    }, facts());

    assert.equal(checks.length, 15);
    assert.deepEqual(failed(checks), []);
  });

  it('CheckExpectations_WrongDecisionAndWriter_FailThoseChecksOnly', () => {
    const checks = checkExpectations({ executions: { alarm: { decision: 'Switchover' } }, finalWriter: 'primary', maxLostWrites: 8 }, facts());

    assert.deepEqual(failed(checks), ['alarm decision', 'final writer']);
    assert.deepEqual(checks[0], { name: 'alarm decision', expected: 'Switchover', actual: 'Failover', passed: false });
  });

  it('CheckExpectations_TooManyLostWrites_Fails', () => {
    assert.deepEqual(failed(checkExpectations({ maxLostWrites: 7, lostWrites: 0 }, facts())), ['lost writes', 'lost writes at most']);
  });

  it('CheckExpectations_ExecutionThatNeverRan_FailsWithoutThrowing', () => {
    const checks = checkExpectations({ executions: { forced: { status: 'SUCCEEDED' } } }, facts());

    assert.deepEqual(checks, [{ name: 'execution forced ran', expected: 'ran', actual: 'never started', passed: false }]);
  });

  it('CheckExpectations_TwoMatchersForOneNotification_SecondFails', () => {
    const checks = checkExpectations({ notifications: [{ severity: 'high' }, { severity: 'high' }] }, facts());

    assert.deepEqual(checks.map((c) => c.passed), [true, false]);
  });

  it('CheckExpectations_UnsetDecisionCount_CountsAsZero', () => {
    const checks = checkExpectations({ decisions: { None: 0 }, maxDecisions: { Failover: 0 } }, facts());

    assert.deepEqual(checks.map((c) => [c.actual, c.passed]), [[0, true], [1, false]]);
  });

  it('CheckExpectations_RtoLimitWithoutRecovery_Fails', () => {
    const result = scenarioResult(T);
    result.records[0].assessment.decision.action = 'None';
    const f = factsOf(result, finalWorld(sampleLab(), result.finalState), measureRecovery(result), measureUserRecovery(result, sampleLab()));

    assert.deepEqual(checkExpectations({ maxRtoSeconds: 1000 }, f)[0].actual, 'no recovery');
  });
});

describe('checkExpectations on the user-visible RTOs', () => {
  it('CheckExpectations_UserRtosWithinLimits_Pass', () => {
    const checks = checkExpectations({ maxServingRtoSeconds: 143, maxWriteRtoSeconds: 192, maxFailedReads: 15979, maxFailedWrites: 38400 }, facts());

    assert.deepEqual(checks.map((c) => [c.name, c.passed]), [
      ['serving RTO (model seconds)', true], ['write RTO (model seconds)', true], ['failed reads at most', true], ['failed writes at most', true],
    ]);
  });

  it('CheckExpectations_ServingRtoOverItsLimit_FailsWithTheMeasuredSeconds', () => {
    const [serving] = checkExpectations({ maxServingRtoSeconds: 142.9 }, facts());

    assert.deepEqual([serving.actual, serving.passed], [143, false]);
  });

  it('CheckExpectations_TooManyFailedWrites_Fails', () => {
    assert.equal(checkExpectations({ maxFailedWrites: 38399 }, facts())[0].passed, false);
  });

  it('CheckExpectations_WriteRtoNeverRecovered_FailsSayingSo', () => {
    const f = facts();
    f.writeRto = { ...f.writeRto, recovered: false };

    const [write] = checkExpectations({ maxWriteRtoSeconds: 1000 }, f);

    assert.equal(write.passed, false);
    assert.match(String(write.actual), /not recovered/);
  });
});

describe('integrityChecks', () => {
  it('IntegrityChecks_CleanRun_HasNoChecks', () => {
    assert.deepEqual(integrityChecks(scenarioResult(T)), []);
  });

  it('IntegrityChecks_StepErrorAndUnfiredHook_FailTheScenario', () => {
    const checks = integrityChecks(scenarioResult(T, { stepErrors: ['step 2 (waitForAlarm): alarm never fired'], unfiredHooks: ['crash the function at alarm PromoteStart'] }));

    assert.deepEqual(checks.map((c) => c.passed), [false, false]);
  });

  it('IntegrityChecks_CrashThatDidNotCrash_Fails', () => {
    const result = scenarioResult(T);
    result.records[0].invocations[1].crashInjected = true;
    result.records[0].invocations[1].status = 'Success';

    const checks = integrityChecks(result);

    assert.deepEqual(checks, [{ name: 'alarm PromoteStart process crashed mid-invocation', expected: 'crashed', actual: 'Success', passed: false }]);
  });

  it('IntegrityChecks_CrashedInvocation_Passes', () => {
    const result = scenarioResult(T);
    result.records[0].invocations[1].crashInjected = true;
    result.records[0].invocations[1].status = 'Crash';

    assert.deepEqual(integrityChecks(result).map((c) => c.passed), [true]);
  });

  it('CheckExpectations_ReadinessCodes_PassOnlyWhenAReadinessStepReportedThem', () => {
    const f = facts({ readiness: [{ at: T, ready: false, findings: [{ code: 'ClusterNotMember' }, { code: 'ExerciseOverdue' }] }] });

    const checks = checkExpectations({ readinessCodes: ['ClusterNotMember', 'HealthCheckMissing'] }, f);

    assert.deepEqual(failed(checks), ['readiness finding HealthCheckMissing']);
  });

  it('CheckExpectations_NotificationCount_LeavesReadinessNoticesOut', () => {
    const f = facts();
    const withReadiness = { ...f, notifications: [...f.notifications, { severity: null, subject: 'DrLambdas readiness: 1 finding(s), 0 critical', message: '' }] };

    assert.deepEqual(failed(checkExpectations({ notificationCount: f.notifications.length }, withReadiness)), []);
  });
});
