import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSummary } from '../../tools/drill/lib/artifacts.mjs';
import { buildReport, failedReport, groupStates } from '../../tools/drill/lib/report.mjs';
import { awsTimeline, escapeXml, renderTimeline, tickStep } from '../../tools/drill/lib/svg-timeline.mjs';
import { renderReport, renderSummary } from '../../tools/drill/lib/text-report.mjs';
import { sampleLab, scenarioResult } from './support/fixtures.mjs';

const T = Date.parse('2026-11-26T00:00:00Z');

function report(expect = { finalWriter: 'secondary' }) {
  const result = scenarioResult(T);
  result.scenario.expect = expect;
  return buildReport(result, sampleLab());
}

describe('buildReport', () => {
  it('BuildReport_ExpectationsMet_PassedWithTimesRelativeToTheStart', () => {
    const r = report();

    assert.equal(r.passed, true);
    assert.deepEqual(r.events.map((e) => [e.at, e.kind]), [[0.1, 'fault'], [3.1, 'alarm'], [4.1, 'trigger']]);
    assert.equal(r.executions[0].start, 4.1);
    assert.equal(r.rto.incidentStart, 0.1);
    assert.equal(r.rto.recoveredAt, 6.6);
    assert.deepEqual(r.executions[0].reasons, [{ code: 'PrimaryDownByQuorum', message: 'The primary is down.' }]);
  });

  it('BuildReport_ExpectationMissed_FailedWithTheCheck', () => {
    const r = report({ finalWriter: 'primary' });

    assert.equal(r.passed, false);
    assert.deepEqual(r.checks.filter((c) => !c.passed).map((c) => c.name), ['final writer']);
  });

  it('GroupStates_LoopedStates_OneRowWithEntriesAndTimeInside', () => {
    const spans = [
      { name: 'PromoteStatus', type: 'Task', enteredAt: 1_000, exitedAt: 1_100, outcome: 'succeeded', retries: 0 },
      { name: 'WaitForPromotion', type: 'Wait', enteredAt: 1_100, exitedAt: 2_100, outcome: 'succeeded', retries: 0 },
      { name: 'PromoteStatus', type: 'Task', enteredAt: 2_100, exitedAt: 2_150, outcome: 'succeeded', retries: 1 },
    ];

    const groups = groupStates(spans, (at) => at / 1000);

    assert.deepEqual(groups[0], { state: 'PromoteStatus', type: 'Task', start: 1, end: 2.15, entries: 2, seconds: 0.15, retries: 1, outcome: 'succeeded' });
    assert.equal(groups.length, 2);
  });

  it('FailedReport_SetupError_IsAFailedReportNamingTheError', () => {
    const r = failedReport({ name: 'x', title: 'X' }, 'fast', new Error('lab unreachable'));

    assert.equal(r.passed, false);
    assert.match(r.checks[0].actual, /lab unreachable/);
  });

  it('FailedReport_Rendered_SaysWhyWithoutTimelineOrWorld', () => {
    const r = failedReport({ name: 'x', title: 'X' }, 'fast', new Error('lab unreachable'));

    const text = renderReport(r);

    assert.match(text, /══ x — X: FAILED \(profile fast\)/);
    assert.match(text, /RTO \(recovery actions\): not applicable — the scenario did not run/);
    assert.doesNotMatch(text, /Final world/);
    assert.match(renderTimeline(r), /x — X: FAILED/);
  });
});

describe('renderReport', () => {
  const text = renderReport(report());

  it('RenderReport_Failover_ShowsTimelineStepsWithStartAndDuration', () => {
    assert.match(text, /══ primary-region-outage — Primary Region outage: PASSED \(profile fast, lab time ×30/);
    assert.match(text, /\n {4}PromoteStatus +4\.32 +0\.04s {2}2\n/);
  });

  it('RenderReport_Failover_ShowsTheRtoBreakdownFloorAndBudget', () => {
    assert.match(text, /RTO \(recovery actions\) 180\.5 s \(AWS-equivalent\) against a target of 60\.0 s: not met/);
    assert.match(text, /\n {2}detection +120\.0 s\n/);
    assert.match(text, /own overhead +0\.500 s/);
    assert.match(text, /floor = detection \+ promotion = 120\.0 s \+ 60\.0 s = 180\.0 s/);
    assert.match(text, /the DNS pin's propagation \(60\.0 s\) is off the critical path/);
    assert.match(text, /budget from the configuration: 215\.0 s = detection 90\.0 s \+ promotion 60\.0 s; target not reachable/);
  });

  it('RenderReport_Failover_ShowsServingAndWriteRtoBesideTheActionsRto', () => {
    assert.match(text, /serving RTO \(reads\) +143\.0 s +floor 137\.0 s; 15979 failed reads/);
    assert.match(text, /write RTO +192\.0 s +floor 189\.0 s; 38400 failed writes/);
    assert.match(text, /RTO \(recovery actions\) +180\.5 s +floor 180\.0 s/);
    assert.match(text, /floor = health check .* 82\.5 s \+ TTL drain 54\.6 s/);
  });

  it('RenderReport_Failover_ShowsTheServingAndWriteBudgetsAssessComputed', () => {
    assert.match(text, /budget from the configuration \(assess\): 150\.0 s = health-check-detection 90\.0 s \+ dns-ttl 60\.0 s; the 60\.0 s target not reachable/);
    assert.match(text, /budget from the configuration \(assess\): 235\.0 s = detection 150\.0 s \+ decision 5\.0 s \+ promotion 60\.0 s \+ writer-endpoint 15\.0 s \+ reconnect 5\.0 s/);
  });

  it('RenderReport_Failover_ShowsDataLossAndTheFinalWorld', () => {
    assert.match(text, /Data loss \(lab ground truth\): 8 acknowledged write\(s\) lost, spanning 0\.8 s; RPO target 0\.0 s: exceeded/);
    assert.match(text, /Final world: writer secondary \(ap-northeast-1\); weights primary 0, secondary 100/);
    assert.match(text, /\[high\] DrLambdas: recovered/);
  });

  it('RenderReport_MeasuredBelowTheFloor_ExplainsTheEstimate', () => {
    const r = report();
    r.rto.floor.aboveFloorSeconds = -3;

    assert.match(renderReport(r), /below the floor: this profile runs the modelled world faster/);
  });

  it('RenderSummary_Reports_OneLinePerScenarioAndTotals', () => {
    const summary = renderSummary([report(), report({ finalWriter: 'primary' })]);

    assert.match(summary, /✓ primary-region-outage +serving 143\.0 s \(floor 137\.0 s\), writes 192\.0 s \(floor 189\.0 s\); actions 180\.5 s \(floor 180\.0 s\)/);
    assert.match(summary, /1 passed, 1 failed/);
  });

  it('RunSummary_Reports_CountsAndFigures', () => {
    const summary = runSummary([report(), report({ finalWriter: 'primary' })], 'fast');

    assert.equal(summary.passed, 1);
    assert.equal(summary.failed, 1);
    assert.deepEqual(summary.scenarios[1].failedChecks, ['final writer']);
    assert.equal(summary.scenarios[0].rtoSeconds, 180.5);
    assert.deepEqual(summary.scenarios[0].servingRto, { seconds: 143, floorSeconds: 137, failed: 15979 });
    assert.deepEqual(summary.scenarios[0].writeRto, { seconds: 192, floorSeconds: 189, failed: 38400 });
  });
});

describe('renderTimeline', () => {
  it('RenderTimeline_Report_OneBarPerStateEntryThePhasesAndTheRtoBracket', () => {
    const r = report();

    const svg = renderTimeline(r);

    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const phases = ['detection', 'decision', 'recovery actions', 'verification'];
    const ratioFrame = 1;
    assert.equal((svg.match(/<rect x=/g) ?? []).length, 1 + r.executions[0].states.length + phases.length + ratioFrame);
    assert.match(svg, /<title>detection: 120\.0 s AWS-equivalent \(4\.00 s wall\)<\/title>/);
    assert.match(svg, /RTO 180\.5 s AWS-equivalent \(target 60 s, floor 180\.0 s\)/);
    assert.match(svg, /PromoteStatus ×2/);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
  });

  it('RenderTimeline_Report_DrawsBothSuccessRatiosAndBothRtoEnds', () => {
    const svg = renderTimeline(report());

    assert.equal((svg.match(/<polyline /g) ?? []).length, 2);
    assert.match(svg, /<title>serving RTO 143\.0 model s \(floor 137\.0 s; 15979 failed\)<\/title>/);
    assert.match(svg, /<title>write RTO 192\.0 model s \(floor 189\.0 s; 38400 failed\)<\/title>/);
  });

  it('AwsTimeline_FastProfile_ComputeAtItsRealLengthWaitsScaledBack', () => {
    const aws = awsTimeline({ timeScale: 30, executions: [{ invocations: [{ start: 2, seconds: 1.2 }] }] });

    // 2 s of modelled waiting = 60 AWS seconds; the 1.2 s Validate stays 1.2 s; 0.8 s more waiting = 24 s.
    assert.equal(aws(2), 60);
    assert.ok(Math.abs(aws(3.2) - 61.2) < 1e-9);
    assert.ok(Math.abs(aws(4) - 85.2) < 1e-9);
  });

  it('AwsTimeline_OverlappingInvocations_CountedOnce', () => {
    const aws = awsTimeline({ timeScale: 30, executions: [{ invocations: [{ start: 1, seconds: 1 }] }, { invocations: [{ start: 1.5, seconds: 1 }] }] });

    assert.ok(Math.abs(aws(3) - (30 + 1.5 + 15)) < 1e-9);
  });

  it('AwsTimeline_RealisticProfile_Identity', () => {
    const aws = awsTimeline({ timeScale: 1, executions: [{ invocations: [{ start: 1, seconds: 1 }] }] });

    assert.equal(aws(5), 5);
  });

  it('EscapeXml_MarkupCharacters_AreEscaped', () => {
    assert.equal(escapeXml('<a & "b">'), '&lt;a &amp; &quot;b&quot;&gt;');
  });

  it('TickStep_Span_IsOneTwoOrFiveTimesAPowerOfTen', () => {
    assert.equal(tickStep(7), 1);
    assert.equal(tickStep(130), 20);
    assert.equal(tickStep(0.4), 0.05);
  });
});
