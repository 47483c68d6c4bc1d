// @ts-check
// The floors of the user-visible RTOs: pure arithmetic on the lab model (docs/drills.md, "Serving and write RTO
// floors", derives every function here). All durations are model seconds.

/** Route 53 calls an endpoint healthy while more than this fraction of its checkers report it healthy. */
export const HEALTHY_CHECKER_FRACTION = 0.18;

/** A 1-model-second bucket counts as served when at least this fraction of its requests succeeded. */
export const SUCCESS_RATIO = 0.99;

/**
 * Probability, per run, that the seeded RNG places the failed Region's last clients so early that a measured serving
 * RTO falls below its floor (the only term of any floor that is not certain; see tailSlack).
 */
export const FLOOR_RISK = 1e-6;

/** Whether a bucket with `ok` successes out of `total` requests meets the 99 % criterion (an empty bucket does). */
export function bucketServed(ok, total) {
  return total === 0 || ok / total >= SUCCESS_RATIO;
}

/**
 * The fewest checkers that must report unhealthy before Route 53 calls the endpoint unhealthy: the smallest f with
 * (checkers − f) ≤ 18 % of checkers (the lab evaluates `healthy > 0.18 × checkers`, as here).
 * @param {number} checkers
 */
export function checkersThatMustFail(checkers) {
  if (!Number.isInteger(checkers) || checkers < 1) throw new RangeError(`checkers must be a positive integer; got ${checkers}`);
  let failed = 0;
  while (checkers - failed > HEALTHY_CHECKER_FRACTION * checkers) failed += 1;
  return failed;
}

/**
 * The shortest time from an endpoint failing to its health check turning unhealthy, over every phase of the checkers.
 * The N checkers sample in turn, one every interval/N; a checker flips on its `threshold`-th consecutive failure, so
 * the f-th checker to sample after the failure flips (threshold − 1) × interval + (f − 1) × interval/N after the
 * first sample, which can coincide with the failure.
 * @param {{ intervalSeconds: number, failureThreshold: number, checkers: number }} healthCheck
 */
export function healthCheckDetectionFloor({ intervalSeconds, failureThreshold, checkers }) {
  if (!(intervalSeconds > 0)) throw new RangeError(`intervalSeconds must be positive; got ${intervalSeconds}`);
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1) throw new RangeError(`failureThreshold must be a positive integer; got ${failureThreshold}`);
  return (failureThreshold - 1) * intervalSeconds + (checkersThatMustFail(checkers) - 1) * (intervalSeconds / checkers);
}

/** The most failed requests a bucket of `requests` may hold and still meet the 99 % criterion. @param {number} requests */
export function allowedFailures(requests) {
  let failures = 0;
  while (failures < requests && bucketServed(requests - failures - 1, requests)) failures += 1;
  return failures;
}

/**
 * How many clients must still fail for a bucket to miss the criterion, each failing `perClient` requests per bucket.
 * @param {number} clients @param {number} perClient requests per client per model second
 */
export function clientsForFailedBucket(clients, perClient) {
  return Math.ceil((allowedFailures(clients * perClient) + 1) / perClient);
}

/**
 * The slack, in clients, the floor leaves for the RNG: scanning the clients from the last cache expiry backwards, each
 * one independently holds the failed Region with probability `share`; the number of other clients passed before the
 * `needed`-th failed-Region one is negative-binomial. Returns the smallest m with P(more than m) ≤ risk
 * (Infinity when share is 0: nobody is stranded).
 * @param {number} share @param {number} needed @param {number} [risk]
 */
export function tailSlack(share, needed, risk = FLOOR_RISK) {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1]; got ${share}`);
  if (share === 0) return Infinity;
  if (share === 1) return 0;
  let probability = share ** needed; // P(X = 0)
  let cumulative = probability;
  let m = 0;
  while (1 - cumulative > risk) {
    m += 1;
    probability *= ((m + needed - 1) / m) * (1 - share); // P(X = m) from P(X = m − 1)
    cumulative += probability;
  }
  return m;
}

/**
 * The least time, after Route 53 stops answering with the failed Region, during which enough clients still hold it
 * to fail a bucket: expiries are spread evenly (one every ttl/clients), so the `needed + slack`-th last expiry comes
 * at least ttl − (needed + slack) × ttl/clients after the answer changed.
 * @param {{ ttlSeconds: number, clients: number, readsPerClientPerSecond: number, share: number, risk?: number }} population
 */
export function ttlDrainFloor({ ttlSeconds, clients, readsPerClientPerSecond, share, risk = FLOOR_RISK }) {
  if (!Number.isInteger(clients) || clients < 1) throw new RangeError(`clients must be a positive integer; got ${clients}`);
  const needed = clientsForFailedBucket(clients, readsPerClientPerSecond);
  if (needed > clients) return 0;
  const slack = tailSlack(share, needed, risk);
  return Math.max(0, ttlSeconds - (needed + slack) * (ttlSeconds / clients));
}

/**
 * A floor on "incident start → end of the last failed bucket" when requests fail at least until `incident + failing`:
 * the whole bucket before that instant failed, so the last failed bucket ends no earlier than the last whole model
 * second at or before it. `incidentModelSecond` is the incident start in model seconds since the lab's epoch.
 * @param {number} incidentModelSecond @param {number} failingSeconds
 */
export function bucketedFloor(incidentModelSecond, failingSeconds) {
  if (!(failingSeconds > 0)) return 0;
  // A hair of tolerance so that a sum landing on a whole second by arithmetic is not rounded down a second.
  const end = Math.floor(incidentModelSecond + failingSeconds + 1e-9);
  return Math.max(0, end - incidentModelSecond);
}

/**
 * The writes' path back: the promotion finished `promotionEndSeconds` after the incident, the writer endpoint
 * re-points, an application cache picks up the new target (at best at once: its TTL phase is free) and reconnects.
 * @param {{ promotionEndSeconds: number, repointSeconds: number, reconnectSeconds: number }} terms
 */
export function writerPathSeconds({ promotionEndSeconds, repointSeconds, reconnectSeconds }) {
  return promotionEndSeconds + repointSeconds + reconnectSeconds;
}

/**
 * The shortest time from an endpoint failing to the probe alarm firing (composite over the observers): a period
 * breaches only when every probe in it failed (Maximum < 1; no datapoint is not breaching), and a healthy probe came at
 * most one probe interval before the failure, so the first breaching period starts after it and the M-th ends no
 * earlier than M × period − probe interval after the failure; the evaluation that sees it runs the ingestion delay
 * later (tools/DrLab World/AlarmBoard.cs). Gaps in the probes or a late observer only delay it.
 * @param {{ probeIntervalSeconds: number, periodSeconds: number, datapointsToAlarm: number, ingestionDelaySeconds?: number }} alarm
 */
export function probeAlarmDetectionFloor({ probeIntervalSeconds, periodSeconds, datapointsToAlarm, ingestionDelaySeconds = 0 }) {
  if (!(probeIntervalSeconds > 0)) throw new RangeError(`probeIntervalSeconds must be positive; got ${probeIntervalSeconds}`);
  if (!(periodSeconds > 0)) throw new RangeError(`periodSeconds must be positive; got ${periodSeconds}`);
  if (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1) throw new RangeError(`datapointsToAlarm must be a positive integer; got ${datapointsToAlarm}`);
  if (!(ingestionDelaySeconds >= 0)) throw new RangeError(`ingestionDelaySeconds must not be negative; got ${ingestionDelaySeconds}`);
  return Math.max(0, datapointsToAlarm * periodSeconds - probeIntervalSeconds) + ingestionDelaySeconds;
}

/**
 * The shortest time from an endpoint failing to its HealthCheckStatus alarm firing: the health check turns unhealthy
 * (healthCheckDetectionFloor), the status datapoint breaches the alarm's period at once (Minimum < 1), and the
 * evaluation that sees it runs the ingestion delay later.
 * @param {{ intervalSeconds: number, failureThreshold: number, checkers: number }} healthCheck @param {number} [ingestionDelaySeconds]
 */
export function healthCheckAlarmDetectionFloor(healthCheck, ingestionDelaySeconds = 0) {
  if (!(ingestionDelaySeconds >= 0)) throw new RangeError(`ingestionDelaySeconds must not be negative; got ${ingestionDelaySeconds}`);
  return healthCheckDetectionFloor(healthCheck) + ingestionDelaySeconds;
}

/**
 * The detection floor of the triggers a deployment configures: the HealthCheckStatus alarm always (when the record has
 * a health check), the probe alarm too when a witness is deployed (the template creates the probe alarms only then);
 * whichever fires first starts the failover, so the smaller floor counts. Null when no trigger is modelled.
 * @param {{ healthCheck?: { intervalSeconds: number, failureThreshold: number, checkers: number },
 *   probeAlarm?: { probeIntervalSeconds: number, periodSeconds: number, datapointsToAlarm: number }, ingestionDelaySeconds?: number }} triggers
 * @returns {{ trigger: 'probe alarm' | 'health-check alarm', seconds: number } | null}
 */
export function triggerDetectionFloor({ healthCheck, probeAlarm, ingestionDelaySeconds = 0 }) {
  const candidates = [];
  if (probeAlarm) candidates.push({ trigger: /** @type {const} */ ('probe alarm'), seconds: probeAlarmDetectionFloor({ ...probeAlarm, ingestionDelaySeconds }) });
  if (healthCheck) candidates.push({ trigger: /** @type {const} */ ('health-check alarm'), seconds: healthCheckAlarmDetectionFloor(healthCheck, ingestionDelaySeconds) });
  if (candidates.length === 0) return null;
  return candidates.reduce((best, candidate) => (candidate.seconds < best.seconds ? candidate : best));
}

/**
 * The serving floor of a steady outage before bucketing: the health check's detection floor + the TTL drain
 * (docs/drills.md "Serving and write RTO floors", paths 2 and 4), e.g. 27.5 + 13.65 s for the fast preset.
 * @param {{ healthCheck: { intervalSeconds: number, failureThreshold: number, checkers: number },
 *   population: { ttlSeconds: number, clients: number, readsPerClientPerSecond: number, share: number, risk?: number } }} path
 */
export function servingPathSeconds({ healthCheck, population }) {
  return healthCheckDetectionFloor(healthCheck) + ttlDrainFloor(population);
}
