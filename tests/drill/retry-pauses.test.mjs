import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttemptTracker, backoffSeconds, matchingRetrier } from '../../tools/drill/lib/retry-pauses.mjs';

const RETRY = [
  { ErrorEquals: ['Lambda.Unknown', 'AwsTransientException'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 3, JitterStrategy: 'FULL' },
  { ErrorEquals: ['ConflictException'], IntervalSeconds: 2, BackoffRate: 1, MaxAttempts: 1 },
];
const states = new Map([['PromoteStart', { Type: 'Task', Retry: RETRY }], ['Notify', { Type: 'Task', Retry: [{ ErrorEquals: ['States.TaskFailed'] }] }]]);

describe('retry pauses', () => {
  it('MatchingRetrier_ErrorOfTheSecondRetrier_ReturnsItsIndex', () => {
    assert.equal(matchingRetrier(RETRY, 'ConflictException'), 1);
  });

  it('MatchingRetrier_UnlistedError_ReturnsMinusOne', () => {
    assert.equal(matchingRetrier(RETRY, 'InputValidationException'), -1);
  });

  it('MatchingRetrier_TaskFailedWildcard_MatchesAnyErrorButTimeout', () => {
    const retriers = [{ ErrorEquals: ['States.TaskFailed'] }];

    assert.equal(matchingRetrier(retriers, 'SNS.ThrottledException'), 0);
    assert.equal(matchingRetrier(retriers, 'States.Timeout'), -1);
  });

  it('BackoffSeconds_GrowsByTheRateUpToMaxDelay', () => {
    assert.deepEqual([0, 1, 2, 3].map((n) => backoffSeconds(RETRY[0], n)), [1, 2, 3, 3]);
  });

  it('Begin_FirstCall_IsOccurrenceOneAttemptOne', () => {
    const tracker = new AttemptTracker(states, 30);

    assert.deepEqual(tracker.begin('PromoteStart'), { occurrence: 1, attempt: 1 });
  });

  it('Begin_AfterARetriedFailure_IsTheNextAttemptOfTheSameOccurrence', () => {
    const tracker = new AttemptTracker(states, 30);
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'Lambda.Unknown');

    assert.deepEqual(tracker.begin('PromoteStart'), { occurrence: 1, attempt: 2 });
  });

  it('Begin_AfterSuccess_IsTheNextOccurrence', () => {
    const tracker = new AttemptTracker(states, 30);
    tracker.begin('PromoteStart');
    tracker.succeeded('PromoteStart');

    assert.deepEqual(tracker.begin('PromoteStart'), { occurrence: 2, attempt: 1 });
  });

  it('Begin_AfterRetriesAreExhausted_IsTheNextOccurrence', () => {
    const tracker = new AttemptTracker(states, 30);
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'ConflictException');
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'ConflictException');

    assert.deepEqual(tracker.begin('PromoteStart'), { occurrence: 2, attempt: 1 });
  });

  it('PausesFor_SecondRetry_IsBackoffTimesJitterDividedByTimeScale', () => {
    const tracker = new AttemptTracker(states, 30, () => 0.5);
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'Lambda.Unknown');
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'Lambda.Unknown');

    const [pause] = tracker.pausesFor('PromoteStart');

    assert.equal(pause, (2 * 0.5 * 1000) / 30);
  });

  it('PausesFor_RetrierWithoutJitter_IsTheFullScaledInterval', () => {
    const tracker = new AttemptTracker(states, 2, () => 0.5);
    tracker.begin('PromoteStart');
    tracker.failed('PromoteStart', 'ConflictException');

    assert.equal(tracker.pausesFor('PromoteStart')[1], 1000);
  });

  it('RetryIntervalOverrides_ReadTwice_ComputesFreshPausesForEveryStateWithRetry', () => {
    let draws = 0;
    const tracker = new AttemptTracker(states, 1, () => (++draws) / 10);
    const overrides = tracker.retryIntervalOverrides();

    assert.deepEqual(Object.keys(overrides).sort(), ['Notify', 'PromoteStart']);
    assert.notEqual(overrides.PromoteStart[0], overrides.PromoteStart[0]);
  });
});
