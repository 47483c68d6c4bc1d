import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelSecondOf, readTraffic, recoveryOf, TrafficDataError, weightsBefore } from '../../tools/drill/lib/traffic.mjs';
import { floorProblems, measureUserRecovery } from '../../tools/drill/lib/user-rto.mjs';
import { PRIMARY, SECONDARY, labState, routingDocuments, sampleLab, scenarioResult, trafficDocument } from './support/fixtures.mjs';

const T = Date.parse('2026-11-26T00:00:00Z');

/** A scenario result whose lab state is labState(T) with `state` merged in. */
function resultWith(state = {}) {
  return scenarioResult(T, { finalState: { ...labState(T), ...state } });
}

const bucket = (second, readsOk, writesOk = 200) => ({ second, at: new Date(T + second * 1000).toISOString(), reads: 200, readsOk, writes: 200, writesOk });

describe('recoveryOf', () => {
  it('RecoveryOf_LastFailedBucket_EndsTheRto', () => {
    const seconds = [bucket(9, 200), bucket(10, 100), bucket(11, 197), bucket(12, 198), bucket(13, 200)];

    const reads = recoveryOf(seconds, 10.25, 'reads');

    assert.deepEqual({ ...reads }, { seconds: 1.75, recovered: true, failedBuckets: 2, failedRequests: 105, lastFailedSecond: 11 });
  });

  it('RecoveryOf_NoFailedBucket_ZeroSeconds', () => {
    assert.equal(recoveryOf([bucket(10, 199), bucket(11, 200)], 10, 'reads').seconds, 0);
  });

  it('RecoveryOf_LastBucketStillFailing_NotRecovered', () => {
    assert.equal(recoveryOf([bucket(10, 200), bucket(11, 0)], 10, 'reads').recovered, false);
  });

  it('RecoveryOf_FailuresBeforeTheIncidentBucket_Ignored', () => {
    assert.equal(recoveryOf([bucket(3, 0), bucket(10, 200)], 10, 'reads').seconds, 0);
  });

  it('RecoveryOf_Writes_UsesTheWriteCounts', () => {
    assert.equal(recoveryOf([bucket(10, 200, 0), bucket(11, 200, 200)], 10, 'writes').seconds, 1);
  });
});

describe('readTraffic and the lab state it needs', () => {
  it('ReadTraffic_OlderLabWithoutTraffic_ThrowsNamingTheContract', () => {
    assert.throws(() => readTraffic({ dns: {} }), (error) => error instanceof TrafficDataError && /has no traffic.*K1\/K2/.test(error.message));
  });

  it('ReadTraffic_BucketWithoutWritesOk_ThrowsNamingTheField', () => {
    const traffic = trafficDocument(T, { count: 3 });
    delete traffic.seconds[1].writesOk;

    assert.throws(() => readTraffic({ traffic }), /traffic\.seconds\[1\]\.writesOk/);
  });

  it('ReadTraffic_WriterEndpointWithoutReconnect_Throws', () => {
    const traffic = trafficDocument(T, { count: 3 });
    delete traffic.writerEndpoint.reconnectSeconds;

    assert.throws(() => readTraffic({ traffic }), /traffic\.writerEndpoint\.reconnectSeconds/);
  });

  it('MeasureUserRecovery_LabWithoutHealthChecksDocument_ThrowsInsteadOfGuessing', () => {
    const { records } = routingDocuments();
    const result = resultWith({ dns: { ...labState(T).dns, records, healthChecks: undefined } });

    assert.throws(() => measureUserRecovery(result, sampleLab()), /dns\.healthChecks/);
  });

  it('ModelSecondOf_WallInstant_ScaledFromTheBucketsAnchor', () => {
    const traffic = trafficDocument(T, { count: 2 });

    assert.equal(modelSecondOf(traffic.seconds, 30, T + 1_000), 30);
  });
});

describe('weightsBefore', () => {
  it('WeightsBefore_NoChangeBeforeTheIncident_TheLabsNormalWeights', () => {
    assert.deepEqual(weightsBefore(labState(T), sampleLab(), T), { [PRIMARY]: 70, [SECONDARY]: 30 });
  });

  it('WeightsBefore_ChangeBeforeTheIncident_ItsWeightsWin', () => {
    const state = labState(T);
    state.dns.changes = [{ submittedAt: new Date(T - 500).toISOString(), changes: ["UPSERT [name='api.example.com.', type='A', set-identifier='tpe'] weight=50"] }];

    assert.equal(weightsBefore(state, sampleLab(), T)[PRIMARY], 50);
  });
});

describe('measureUserRecovery', () => {
  it('MeasureUserRecovery_HealthCheckedFailover_ServingAndWriteRtoAtOrAboveTheirFloors', () => {
    const { servingRto, writeRto, incident } = measureUserRecovery(resultWith(), sampleLab());

    assert.deepEqual([incident?.kind, incident?.modelSecond], ['RegionOutage', 30]);
    assert.deepEqual([servingRto.seconds, servingRto.floorSeconds], [143, 137]);
    assert.deepEqual([writeRto.seconds, writeRto.floorSeconds], [192, 189]);
    assert.match(servingRto.floor?.path ?? '', /health check/);
  });

  it('MeasureUserRecovery_WitnessDeployed_WriteFloorNamesTheProbeAlarmsDetectionFloor', () => {
    const result = resultWith();
    result.model = { ...result.model, DR_WITNESS_REGION: 'us-west-2', DR_PROBE_INTERVAL_SECONDS: 5, DR_PROBE_ALARM_PERIOD_SECONDS: 10, DR_PROBE_ALARM_DATAPOINTS_TO_ALARM: 3 };
    result.metricIngestionDelaySeconds = 5;

    const { writeRto } = measureUserRecovery(result, sampleLab());

    assert.deepEqual(writeRto.floor?.terms[0], { name: 'detection floor of the probe alarm (model)', seconds: 30 });
    assert.equal(writeRto.floorSeconds, 189);
  });

  it('MeasureUserRecovery_NoWitness_WriteFloorNamesTheHealthCheckAlarm', () => {
    const { writeRto } = measureUserRecovery(resultWith(), sampleLab());

    assert.equal(writeRto.floor?.terms[0].name, 'detection floor of the health-check alarm (model)');
  });

  it('MeasureUserRecovery_DetectionFasterThanTheModelAllows_FloorRaisedAboveTheMeasurement', () => {
    const result = resultWith();
    // An ingestion delay of 50 s puts the health-check alarm's floor at 132.5 s, after the 120 s observed detection.
    result.metricIngestionDelaySeconds = 50;

    const report = { scenario: { name: 'x' }, ...measureUserRecovery(result, sampleLab()) };

    assert.equal(report.writeRto.floorSeconds, 201);
    assert.ok(floorProblems(report).some((problem) => /write RTO 192 s is below its floor 201 s/.test(problem)));
  });

  it('MeasureUserRecovery_Failed_AreTheLabsCounts', () => {
    const state = labState(T);
    const { servingRto, writeRto } = measureUserRecovery(resultWith(), sampleLab());

    assert.deepEqual([servingRto.failed, writeRto.failed], [state.traffic.failedReads, state.traffic.failedWrites]);
  });

  it('MeasureUserRecovery_RecordWithoutHealthCheck_FloorFollowsTheOrchestratedChange', () => {
    const dns = { ...labState(T).dns, ...routingDocuments({ primaryHealthCheck: false }) };

    const { servingRto } = measureUserRecovery(resultWith({ dns }), sampleLab());

    // The change is submitted 4.3 s wall after the fault: 129 model seconds, + TTL drain 54.6 s, to the whole second.
    assert.match(servingRto.floor?.path ?? '', /DNS change/);
    assert.equal(servingRto.floorSeconds, 183);
  });

  it('MeasureUserRecovery_AppOutage_WriteFloorIsTheServingFloor', () => {
    const state = labState(T);
    state.faults = [{ id: 'f1', kind: 'AppOutage', status: 'active', region: PRIMARY, startsAt: new Date(T).toISOString() }];

    const { servingRto, writeRto } = measureUserRecovery(resultWith(state), sampleLab());

    assert.equal(writeRto.floorSeconds, servingRto.floorSeconds);
  });

  it('MeasureUserRecovery_NoOutageFault_NotApplicableWithTheFailedCounts', () => {
    const { servingRto } = measureUserRecovery(resultWith({ faults: [] }), sampleLab());

    assert.deepEqual([servingRto.applicable, servingRto.failed], [false, labState(T).traffic.failedReads]);
  });

  it('MeasureUserRecovery_Partition_MeasuredWithoutAFloor', () => {
    const state = labState(T);
    state.faults = [{ id: 'f1', kind: 'Partition', status: 'active', startsAt: new Date(T).toISOString() }];

    const { writeRto } = measureUserRecovery(resultWith(state), sampleLab());

    assert.deepEqual([writeRto.applicable, writeRto.floorSeconds], [true, null]);
    assert.match(writeRto.floor?.reason ?? '', /Partition/);
  });

  it('MeasureUserRecovery_FaultEndsBeforeTheDrain_FloorCutAtTheFaultsEnd', () => {
    const state = labState(T);
    state.faults = [{ id: 'f1', kind: 'AppOutage', status: 'ended', region: PRIMARY, startsAt: new Date(T).toISOString(), endsAt: new Date(T + 1_000).toISOString() }];

    const { servingRto } = measureUserRecovery(resultWith(state), sampleLab());

    assert.equal(servingRto.floorSeconds, 30);
  });
});

describe('floorProblems', () => {
  const report = (serving, write) => ({
    scenario: { name: 'primary-region-outage' },
    servingRto: { applicable: true, recovered: true, failed: 1, ...serving },
    writeRto: { applicable: true, recovered: true, failed: 1, ...write },
  });

  it('FloorProblems_WithinFiveSecondsAbove_None', () => {
    assert.deepEqual(floorProblems(report({ seconds: 142, floorSeconds: 137 }, { seconds: 189, floorSeconds: 189 })), []);
  });

  it('FloorProblems_BelowTheFloor_ReportsABug', () => {
    assert.match(floorProblems(report({ seconds: 136.9, floorSeconds: 137 }, { seconds: 189, floorSeconds: 189 }))[0], /below its floor/);
  });

  it('FloorProblems_MoreThanFiveAbove_Reported', () => {
    assert.match(floorProblems(report({ seconds: 142, floorSeconds: 137 }, { seconds: 194.1, floorSeconds: 189 }))[0], /write RTO .* more than 5 s above/);
  });

  it('FloorProblems_NoFloor_Reported', () => {
    assert.match(floorProblems(report({ seconds: 142, floorSeconds: null, floor: { reason: 'x' } }, { seconds: 189, floorSeconds: 189 }))[0], /no floor/);
  });
});
