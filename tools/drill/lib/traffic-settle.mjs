// @ts-check
import { setTimeout as delay } from 'node:timers/promises';
import { bucketServed } from './floors.mjs';

/** Buckets that must all be at or above the 99 % criterion before the drill stops watching the users' traffic. */
export const SETTLED_BUCKETS = 3;

/**
 * Whether the users' reads and writes have recovered: the last SETTLED_BUCKETS completed model seconds all at or above
 * 99 %. A lab without `traffic` (older lab) counts as settled: the measurement then says what is missing.
 * @param {any} state the lab's `/_lab/state`
 */
export function trafficSettled(state) {
  const seconds = state?.traffic?.seconds;
  if (!Array.isArray(seconds)) return true;
  const last = seconds.slice(-SETTLED_BUCKETS);
  return last.length === SETTLED_BUCKETS
    && last.every((bucket) => bucketServed(bucket.readsOk, bucket.reads) && bucketServed(bucket.writesOk, bucket.writes));
}

/**
 * The longest the drill keeps the world running after its executions end so that the users' recovery (the clients'
 * cached answers expiring, the global writer endpoint re-pointing and the applications reconnecting) is measured, in
 * model seconds: the largest record TTL plus the writer endpoint's terms, plus a margin of SETTLED_BUCKETS + 2.
 * @param {any} state
 */
export function settleHorizonModelSeconds(state) {
  const ttls = (state?.dns?.records ?? []).map((/** @type {any} */ record) => record.ttl ?? 0);
  const writer = state?.traffic?.writerEndpoint ?? {};
  return Math.max(0, ...ttls) + (writer.repointSeconds ?? 0) + (writer.ttlSeconds ?? 0) + (writer.reconnectSeconds ?? 0) + SETTLED_BUCKETS + 2;
}

/**
 * Polls the lab until the users' traffic has settled or the horizon has passed (some scenarios never recover: a
 * partition, an escalation). Returns the last state read.
 * @param {{ state(): Promise<any> }} labClient @param {number} timeScale model seconds per wall second
 */
export async function awaitTrafficSettled(labClient, timeScale) {
  let state = await labClient.state();
  const deadline = Date.now() + (settleHorizonModelSeconds(state) / timeScale) * 1000;
  const pollMs = Math.max(20, 1000 / timeScale);
  while (!trafficSettled(state) && Date.now() < deadline) {
    await delay(pollMs);
    state = await labClient.state();
  }
  return state;
}
