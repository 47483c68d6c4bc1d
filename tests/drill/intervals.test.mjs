import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clip, measure, subtract, union } from '../../tools/drill/lib/intervals.mjs';

describe('intervals', () => {
  it('Union_OverlappingAndTouching_AreMerged', () => {
    assert.deepEqual(union([{ from: 5, to: 8 }, { from: 0, to: 2 }, { from: 1, to: 3 }, { from: 8, to: 9 }]), [{ from: 0, to: 3 }, { from: 5, to: 9 }]);
  });

  it('Union_EmptyIntervals_AreDropped', () => {
    assert.deepEqual(union([{ from: 4, to: 4 }, { from: 6, to: 5 }]), []);
  });

  it('Measure_OverlappingIntervals_CountsSharedTimeOnce', () => {
    assert.equal(measure([{ from: 0, to: 10 }, { from: 5, to: 15 }, { from: 20, to: 21 }]), 16);
  });

  it('Clip_IntervalsAcrossTheWindow_KeepsTheInsideParts', () => {
    assert.deepEqual(clip([{ from: 0, to: 10 }, { from: 12, to: 20 }, { from: 30, to: 40 }], 5, 15), [{ from: 5, to: 10 }, { from: 12, to: 15 }]);
  });

  it('Subtract_HolesInsideAndAcross_LeavesTheUncoveredParts', () => {
    assert.deepEqual(subtract([{ from: 0, to: 10 }, { from: 20, to: 30 }], [{ from: 2, to: 4 }, { from: 8, to: 22 }]), [
      { from: 0, to: 2 }, { from: 4, to: 8 }, { from: 22, to: 30 },
    ]);
  });
});
