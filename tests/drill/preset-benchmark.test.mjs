import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measuredCount, median, presetRow, renderTable, runFigures } from '../../tools/drill/lib/preset-benchmark.mjs';

/** A scenario report with the fields the benchmark reads. */
function report({ serving = 142.1, servingFloor = 137.1, writes = 198.1, writeFloor = 194.1, actions = 180.1, actionsFloor = 178.9, overhead = 1.2, recovered = true } = {}) {
  return {
    servingRto: { applicable: true, recovered, seconds: serving, floorSeconds: servingFloor },
    writeRto: { applicable: true, recovered: true, seconds: writes, floorSeconds: writeFloor },
    rto: { applicable: true, measuredSeconds: actions, floor: { seconds: actionsFloor }, overhead: { overheadSeconds: overhead } },
  };
}

describe('median', () => {
  it('Median_OddCount_TheMiddleValue', () => {
    assert.equal(median([44, 41, 52]), 44);
  });

  it('Median_EvenCount_MeanOfTheTwoMiddleValues', () => {
    assert.equal(median([40, 44, 41, 52]), 42.5);
  });

  it('Median_NullsLeftOut_MedianOfTheMeasured', () => {
    assert.equal(median([null, 41, undefined, 45]), 43);
  });

  it('Median_NothingMeasured_Null', () => {
    assert.equal(median([null, null]), null);
  });

  it('MeasuredCount_NullsAndNaN_NotCounted', () => {
    assert.equal(measuredCount([1, null, Number.NaN, 2]), 2);
  });
});

describe('runFigures and presetRow', () => {
  it('RunFigures_RtoNeverRecovered_ServingNotMeasured', () => {
    assert.equal(runFigures(report({ recovered: false })).serving.seconds, null);
  });

  it('PresetRow_ThreeRuns_MediansOfEachFigureAndItsFloor', () => {
    const row = presetRow('fast', [report({ serving: 44, servingFloor: 41 }), report({ serving: 42, servingFloor: 41 }), report({ serving: 50, servingFloor: 42 })], 3);

    assert.deepEqual(row.serving, { seconds: 44, floor: 41, measured: 3 });
    assert.equal(row.overhead.seconds, 1.2);
    assert.equal(row.checksPassed, 3);
  });

  it('RenderTable_RunWithoutAFigure_MarksHowManyRunsMeasuredIt', () => {
    const row = presetRow('seed', [report(), report({ recovered: false })], 1);

    const table = renderTable([row], 'primary-region-outage');

    assert.match(table, /\| seed \| 2 \| 142\.1 \(137\.1\) \[1\/2\] \| 198\.1 \(194\.1\) \| 180\.1 \(178\.9\) \| 1\.20 \| 1\/2 \|/);
  });
});
