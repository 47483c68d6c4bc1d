import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedFailures,
  bucketServed,
  bucketedFloor,
  checkersThatMustFail,
  clientsForFailedBucket,
  healthCheckAlarmDetectionFloor,
  healthCheckDetectionFloor,
  probeAlarmDetectionFloor,
  servingPathSeconds,
  tailSlack,
  triggerDetectionFloor,
  ttlDrainFloor,
  writerPathSeconds,
} from '../../tools/drill/lib/floors.mjs';

describe('bucketServed', () => {
  it('BucketServed_ExactlyNinetyNinePercent_Served', () => {
    assert.equal(bucketServed(198, 200), true);
  });

  it('BucketServed_OneRequestUnderNinetyNinePercent_NotServed', () => {
    assert.equal(bucketServed(197, 200), false);
  });

  it('BucketServed_EmptyBucket_Served', () => {
    assert.equal(bucketServed(0, 0), true);
  });
});

describe('checkersThatMustFail', () => {
  it('CheckersThatMustFail_EightCheckers_SevenBecauseOneHealthyIsUnder18Percent', () => {
    // 2 healthy of 8 = 25 % > 18 %: still healthy; 1 of 8 = 12.5 % ≤ 18 %: unhealthy.
    assert.equal(checkersThatMustFail(8), 7);
  });

  it('CheckersThatMustFail_FifteenCheckers_ThirteenBecauseTwoHealthyIsUnder18Percent', () => {
    // 3 of 15 = 20 % > 18 %; 2 of 15 = 13.3 %.
    assert.equal(checkersThatMustFail(15), 13);
  });

  it('CheckersThatMustFail_FiftyCheckers_FortyOneAtTheExact18PercentBoundary', () => {
    // 9 of 50 = 18 % is not more than 18 %: unhealthy already.
    assert.equal(checkersThatMustFail(50), 41);
  });

  it('CheckersThatMustFail_OneChecker_One', () => {
    assert.equal(checkersThatMustFail(1), 1);
  });

  it('CheckersThatMustFail_ZeroCheckers_Throws', () => {
    assert.throws(() => checkersThatMustFail(0), RangeError);
  });
});

describe('healthCheckDetectionFloor', () => {
  it('HealthCheckDetectionFloor_LabDefaults_ShorterThanIntervalTimesThreshold', () => {
    // (3 − 1) × 30 + (7 − 1) × 30/8 = 60 + 22.5.
    assert.equal(healthCheckDetectionFloor({ intervalSeconds: 30, failureThreshold: 3, checkers: 8 }), 82.5);
  });

  it('HealthCheckDetectionFloor_ThresholdOne_OnlyTheCheckersStagger', () => {
    assert.equal(healthCheckDetectionFloor({ intervalSeconds: 10, failureThreshold: 1, checkers: 8 }), 7.5);
  });

  it('HealthCheckDetectionFloor_TenSecondInterval_ScalesWithTheInterval', () => {
    assert.equal(healthCheckDetectionFloor({ intervalSeconds: 10, failureThreshold: 3, checkers: 8 }), 27.5);
  });

  it('HealthCheckDetectionFloor_ZeroThreshold_Throws', () => {
    assert.throws(() => healthCheckDetectionFloor({ intervalSeconds: 30, failureThreshold: 0, checkers: 8 }), RangeError);
  });
});

describe('allowedFailures and clientsForFailedBucket', () => {
  it('AllowedFailures_TwoHundredRequests_Two', () => {
    assert.equal(allowedFailures(200), 2);
  });

  it('AllowedFailures_NinetyNineRequests_None', () => {
    // 98/99 = 98.99 % < 99 %.
    assert.equal(allowedFailures(99), 0);
  });

  it('AllowedFailures_HundredRequests_One', () => {
    assert.equal(allowedFailures(100), 1);
  });

  it('ClientsForFailedBucket_OneRequestEach_AllowedPlusOne', () => {
    assert.equal(clientsForFailedBucket(200, 1), 3);
  });

  it('ClientsForFailedBucket_TwoRequestsEach_HalfAsManyRoundedUp', () => {
    // 400 requests allow 4 failures; 5 failures need 3 clients at 2 each.
    assert.equal(clientsForFailedBucket(200, 2), 3);
  });
});

describe('tailSlack', () => {
  it('TailSlack_EveryClientOnTheFailedRegion_NoSlack', () => {
    assert.equal(tailSlack(1, 3), 0);
  });

  it('TailSlack_NoClientOnTheFailedRegion_Infinite', () => {
    assert.equal(tailSlack(0, 3), Infinity);
  });

  it('TailSlack_SeventyPercent_SmallestMWithTailUnderTheRisk', () => {
    const m = tailSlack(0.7, 3, 1e-6);
    const tail = (k) => {
      let cumulative = 0;
      for (let x = 0; x <= k; x += 1) cumulative += binomial(x + 2, x) * 0.7 ** 3 * 0.3 ** x;
      return 1 - cumulative;
    };

    assert.ok(tail(m) <= 1e-6);
    assert.ok(tail(m - 1) > 1e-6);
  });

  it('TailSlack_SmallerShare_MoreSlack', () => {
    assert.ok(tailSlack(0.3, 3) > tailSlack(0.7, 3));
  });

  it('TailSlack_ShareAboveOne_Throws', () => {
    assert.throws(() => tailSlack(1.5, 3), RangeError);
  });
});

describe('ttlDrainFloor', () => {
  it('TtlDrainFloor_AllClientsOnTheFailedRegion_TtlLessTheLastAllowedExpiries', () => {
    // 200 clients, 0.3 s apart; a bucket fails while 3 remain: 60 − 3 × 0.3.
    assert.equal(ttlDrainFloor({ ttlSeconds: 60, clients: 200, readsPerClientPerSecond: 1, share: 1 }), 59.1);
  });

  it('TtlDrainFloor_SeventyPercent_LeavesTheRngSlack', () => {
    const slack = tailSlack(0.7, 3);

    assert.equal(ttlDrainFloor({ ttlSeconds: 60, clients: 200, readsPerClientPerSecond: 1, share: 0.7 }), 60 - (3 + slack) * 0.3);
  });

  it('TtlDrainFloor_NoClientOnTheFailedRegion_Zero', () => {
    assert.equal(ttlDrainFloor({ ttlSeconds: 60, clients: 200, readsPerClientPerSecond: 1, share: 0 }), 0);
  });

  it('TtlDrainFloor_SingleClient_ZeroBecauseItsOwnExpiryEndsIt', () => {
    assert.equal(ttlDrainFloor({ ttlSeconds: 60, clients: 1, readsPerClientPerSecond: 1, share: 1 }), 0);
  });
});

describe('bucketedFloor', () => {
  it('BucketedFloor_IncidentOnAWholeSecond_RoundsTheEndDown', () => {
    assert.equal(bucketedFloor(30, 137.1), 137);
  });

  it('BucketedFloor_IncidentMidSecond_EndsOnTheLastWholeSecond', () => {
    // failures until 10.4 + 5.9 = 16.3: the bucket [15, 16) failed whole, so the RTO is at least 16 − 10.4.
    assert.ok(Math.abs(bucketedFloor(10.4, 5.9) - 5.6) < 1e-9);
  });

  it('BucketedFloor_SumOnAWholeSecond_NotRoundedDownASecond', () => {
    assert.ok(Math.abs(bucketedFloor(0.1, 0.2 + 0.7) - 0.9) < 1e-9);
  });

  it('BucketedFloor_NoFailingTime_Zero', () => {
    assert.equal(bucketedFloor(12.5, 0), 0);
  });
});

describe('writerPathSeconds', () => {
  it('WriterPathSeconds_PromotionThenEndpoint_AddsRepointAndReconnect', () => {
    assert.equal(writerPathSeconds({ promotionEndSeconds: 186, repointSeconds: 1, reconnectSeconds: 2 }), 189);
  });
});

describe('the presets\' serving floors', () => {
  const population = (ttlSeconds) => ({ ttlSeconds, clients: 200, readsPerClientPerSecond: 1, share: 0.7 });

  it('ServingPathSeconds_SeedPreset_DetectionAndTheSixtySecondDrain', () => {
    // 82.5 + 60 − (3 + 15) × 60/200 = 82.5 + 54.6.
    assert.ok(Math.abs(servingPathSeconds({ healthCheck: { intervalSeconds: 30, failureThreshold: 3, checkers: 8 }, population: population(60) }) - 137.1) < 1e-9);
  });

  it('ServingPathSeconds_FastPreset_TenSecondChecksAndTtlFifteen', () => {
    // (3 − 1) × 10 + (7 − 1) × 10/8 = 27.5; 15 − (3 + 15) × 15/200 = 13.65.
    assert.ok(Math.abs(servingPathSeconds({ healthCheck: { intervalSeconds: 10, failureThreshold: 3, checkers: 8 }, population: population(15) }) - 41.15) < 1e-9);
  });

  it('BucketedFloor_FastPresetOnAWholeSecond_FortyOne', () => {
    assert.equal(bucketedFloor(30, 27.5 + 13.65), 41);
  });
});

describe('detection floors of the triggers', () => {
  const fastProbes = { probeIntervalSeconds: 5, periodSeconds: 10, datapointsToAlarm: 3 };
  const fastCheck = { intervalSeconds: 10, failureThreshold: 3, checkers: 8 };

  it('ProbeAlarmDetectionFloor_FastPreset_ThreePeriodsLessOneProbeIntervalPlusTheIngestionDelay', () => {
    // The last healthy probe can come 5 s before the failure; the third breaching period ends 30 s after it.
    assert.equal(probeAlarmDetectionFloor({ ...fastProbes, ingestionDelaySeconds: 5 }), 30);
  });

  it('ProbeAlarmDetectionFloor_ProbeIntervalLongerThanThePeriods_NotNegative', () => {
    assert.equal(probeAlarmDetectionFloor({ probeIntervalSeconds: 60, periodSeconds: 10, datapointsToAlarm: 1 }), 0);
  });

  it('ProbeAlarmDetectionFloor_ZeroDatapoints_Throws', () => {
    assert.throws(() => probeAlarmDetectionFloor({ ...fastProbes, datapointsToAlarm: 0 }), RangeError);
  });

  it('HealthCheckAlarmDetectionFloor_SeedPreset_CheckFloorPlusTheIngestionDelay', () => {
    assert.equal(healthCheckAlarmDetectionFloor({ intervalSeconds: 30, failureThreshold: 3, checkers: 8 }, 5), 87.5);
  });

  it('TriggerDetectionFloor_WitnessDeployed_TheProbeAlarmFiresFirst', () => {
    assert.deepEqual(triggerDetectionFloor({ healthCheck: fastCheck, probeAlarm: fastProbes, ingestionDelaySeconds: 5 }), { trigger: 'probe alarm', seconds: 30 });
  });

  it('TriggerDetectionFloor_NoWitness_TheHealthCheckAlarm', () => {
    assert.deepEqual(triggerDetectionFloor({ healthCheck: fastCheck, ingestionDelaySeconds: 5 }), { trigger: 'health-check alarm', seconds: 32.5 });
  });

  it('TriggerDetectionFloor_SlowProbeAlarm_TheEarlierHealthCheckAlarmCounts', () => {
    const slow = { probeIntervalSeconds: 5, periodSeconds: 30, datapointsToAlarm: 3 };

    assert.equal(triggerDetectionFloor({ healthCheck: fastCheck, probeAlarm: slow })?.trigger, 'health-check alarm');
  });

  it('TriggerDetectionFloor_NoTrigger_Null', () => {
    assert.equal(triggerDetectionFloor({}), null);
  });
});

function binomial(n, k) {
  let value = 1;
  for (let i = 1; i <= k; i += 1) value = (value * (n - k + i)) / i;
  return value;
}
