import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actingExecution, criticalPath, incidentStart, measureDataLoss, measureRecovery, overheadOf, segment } from '../../tools/drill/lib/measure.mjs';
import { failoverRecord, scenarioResult } from './support/fixtures.mjs';

const T = Date.parse('2026-11-26T00:00:00Z');

describe('overhead', () => {
  it('Segment_WholeTimeline_PausedIsTheUnionOfAllWaitsAndTasksExcludeThem', () => {
    const parts = segment(failoverRecord(T), T + 4_000, T + 6_520);

    // Waits 4.24–6.24 and 4.30–6.30 s; Validate, start/apply until the waits began, Verify and SNS.
    assert.deepEqual(parts, { pausedMs: 2_060, busyMs: 460, tasksMs: 371 });
  });

  it('Segment_OneBranch_CountsOnlyItsOwnWaitsAndTasks', () => {
    const parts = segment(failoverRecord(T), T + 4_150, T + 6_330, ['PromoteStart', 'PromoteStatus', 'WaitForPromotion']);

    assert.deepEqual(parts, { pausedMs: 2_000, busyMs: 180, tasksMs: 50 });
  });

  it('CriticalPath_BranchesOffsetInTime_FollowsTheSlowestBranchOnly', () => {
    const record = failoverRecord(T);
    // The DNS branch waits 1 s longer: it becomes the critical path, and its apply call the busy time.
    record.pauses.find((pause) => pause.state === 'WaitForPropagation').to += 1_000;
    record.first('WaitForPropagation').exitedAt += 1_000;
    for (const name of ['DnsStatus', 'TrafficMoved']) Object.assign(record.first(name), { enteredAt: record.first(name).enteredAt + 1_000, exitedAt: record.first(name).exitedAt + 1_000 });
    record.first('ExecuteRecovery').exitedAt += 1_000;

    const path = criticalPath(record, T + 4_150, T + 7_330, 30);

    assert.deepEqual(path, { pausedMs: 3_000, busyMs: 180, tasksMs: 130 });
  });

  it('CriticalPath_RealisticProfileBranchesTie_FollowsTheBranchThatEndedLastWithItsWaits', () => {
    const path = criticalPath(failoverRecord(T), T + 4_150, T + 6_330, 1);

    assert.deepEqual(path, { pausedMs: 2_000, busyMs: 180, tasksMs: 130 });
  });

  it('OverheadOf_Execution_CriticalPathBusyTimeSplitIntoTasksAndInterpreter', () => {
    const overhead = overheadOf(failoverRecord(T), 30);

    assert.equal(overhead.wallSeconds, 2.52);
    assert.equal(overhead.pausedSeconds, 2);
    // Before the Parallel 150 ms (Validate 120); the DNS branch, which ends last, 170 ms + 10 ms join (apply 130);
    // after it 190 ms (Verify 160, SNS 16).
    assert.equal(overhead.overheadSeconds, 0.52);
    assert.equal(overhead.inTasksSeconds, 0.426);
    assert.equal(overhead.inInterpreterSeconds, 0.094);
    assert.equal(overhead.invocations, 5);
    assert.equal(overhead.coldStarts, 1);
  });
});

describe('measureRecovery', () => {
  it('ActingExecution_DecisionNone_IsNotActing', () => {
    const record = failoverRecord(T);
    record.assessment.decision.action = 'None';

    assert.equal(actingExecution([record]), undefined);
  });

  it('IncidentStart_FaultsThatAreNotOutages_AreIgnored', () => {
    const marks = [{ at: 1, kind: 'fault', faultKind: 'Throttling' }, { at: 5, kind: 'fault', faultKind: 'RegionOutage' }];

    assert.equal(incidentStart(marks, 10), 5);
  });

  it('MeasureRecovery_Failover_RtoIsScaledWaitsPlusUnscaledOverhead', () => {
    const rto = measureRecovery(scenarioResult(T));

    // detection 4 s wall × 30 = 120 s; until Verify the critical path waits 2 s (× 30) and works 0.5 s.
    assert.equal(rto.applicable, true);
    assert.equal(rto.measuredSeconds, 180.5);
    assert.equal(rto.metTarget, false);
    assert.deepEqual(rto.phases.map((p) => p.name), ['detection', 'decision', 'promotion', 'propagation', 'recovery actions', 'verification']);
    assert.equal(rto.phases[0].seconds, 120);
    assert.equal(rto.phases[1].seconds, 0.15);
  });

  it('MeasureRecovery_ParallelBranches_EachCountsOnlyItsOwnWaits', () => {
    const rto = measureRecovery(scenarioResult(T));
    const promotion = rto.phases.find((p) => p.name === 'promotion');
    const propagation = rto.phases.find((p) => p.name === 'propagation');

    assert.equal(promotion.seconds, 60 + 0.1);
    assert.equal(propagation.seconds, 60 + 0.16);
    assert.equal(rto.phases.find((p) => p.name === 'recovery actions').seconds, 60 + 0.18);
  });

  it('MeasureRecovery_Floor_IsDetectionPlusThePromotionWithoutThePinsPropagation', () => {
    const rto = measureRecovery(scenarioResult(T));

    assert.deepEqual(rto.floor, {
      seconds: 180, detectionSeconds: 120, ingestionDelaySeconds: 0, promotionSeconds: 60, propagationSeconds: 60, aboveFloorSeconds: 0.5,
    });
  });

  it('MeasureRecovery_Switchover_FloorIsDetectionPlusTheSwitchoverSinceThePinIsOffTheCriticalPath', () => {
    const result = scenarioResult(T);
    const record = result.records[0];
    record.onEvent({ type: 'StateEntered', timestamp: T + 4_150, state: { name: 'SwitchoverStart', type: 'Task' } });
    record.onEvent({ type: 'StateExited', timestamp: T + 4_150, state: { name: 'SwitchoverStart', type: 'Task' } });

    const rto = measureRecovery(result);

    assert.equal(rto.floor.seconds, 120 + 60);
    assert.equal(rto.floor.propagationSeconds, 60);
  });

  it('MeasureRecovery_LabIngestionDelay_IsReportedWithTheFloor', () => {
    const rto = measureRecovery({ ...scenarioResult(T), metricIngestionDelaySeconds: 5 });

    assert.equal(rto.floor.ingestionDelaySeconds, 5);
  });

  it('MeasureRecovery_Budget_IsTheAssessmentsBudgetInModelSeconds', () => {
    const { budget } = measureRecovery(scenarioResult(T));

    assert.equal(budget.totalSeconds, 215);
    assert.deepEqual(budget.items.map((item) => [item.name, item.seconds]), [['detection', 90], ['promotion', 60]]);
    assert.equal(budget.reachable, false);
  });

  it('MeasureRecovery_VerifyNeverReached_IsNotApplicableWithTheReason', () => {
    const result = scenarioResult(T);
    result.records[0].states = result.records[0].states.filter((span) => span.name !== 'Verify');

    const rto = measureRecovery(result);

    assert.equal(rto.applicable, false);
    assert.match(rto.reason, /did not complete Verify/);
  });
});

describe('measureDataLoss', () => {
  it('MeasureDataLoss_LostWrites_ComparedWithTheRpoTargetInModelSeconds', () => {
    const loss = measureDataLoss(scenarioResult(T));

    assert.equal(loss.lostWrites, 8);
    assert.equal(loss.spanSeconds, 0.8);
    assert.equal(loss.metTarget, false);
    assert.deepEqual(loss.estimates, [{ execution: 'alarm', estimatedSeconds: 0.8 }]);
  });
});
