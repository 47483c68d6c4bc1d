// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settleHorizonModelSeconds, trafficSettled } from '../../tools/drill/lib/traffic-settle.mjs';

const bucket = (/** @type {number} */ readsOk, /** @type {number} */ writesOk) => ({ reads: 200, readsOk, writes: 200, writesOk });

describe('trafficSettled', () => {
  it('TrafficSettled_LastThreeBucketsAtNinetyNinePercent_True', () => {
    assert.equal(trafficSettled({ traffic: { seconds: [bucket(0, 0), bucket(198, 198), bucket(200, 199), bucket(200, 200)] } }), true);
  });

  it('TrafficSettled_WritesStillFailingInTheLastBucket_False', () => {
    assert.equal(trafficSettled({ traffic: { seconds: [bucket(200, 200), bucket(200, 200), bucket(200, 197)] } }), false);
  });

  it('TrafficSettled_FewerBucketsThanNeeded_False', () => {
    assert.equal(trafficSettled({ traffic: { seconds: [bucket(200, 200)] } }), false);
  });
});

describe('settleHorizonModelSeconds', () => {
  it('SettleHorizonModelSeconds_RecordTtlAndWriterTerms_SummedWithMargin', () => {
    const state = { dns: { records: [{ ttl: 60 }, { ttl: 15 }] }, traffic: { writerEndpoint: { repointSeconds: 10, ttlSeconds: 5, reconnectSeconds: 5 } } };

    assert.equal(settleHorizonModelSeconds(state), 60 + 10 + 5 + 5 + 5);
  });
});
