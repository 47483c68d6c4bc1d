// @ts-check
// Checks a scenario's expectations against what happened: the executions' outcomes and the lab's ground truth.

const CRASHED_STATUSES = ['Crash', 'InitError'];

/** The subject prefix of HealthValidator's readiness notices. */
const READINESS_SUBJECT = 'DrLambdas readiness:';

function countBy(items) {
  const counts = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

/**
 * The facts expectations are checked against. `world`: finalWorld(); `rto`: measureRecovery(); `user`:
 * measureUserRecovery() (the serving and write RTOs).
 */
export function factsOf(result, world, rto, user) {
  const executions = Object.fromEntries(result.records.map((record) => [record.id, {
    status: record.status,
    decision: record.decision ?? null,
    error: record.error ?? null,
    visited: record.visited,
  }]));
  return {
    executions,
    decisions: countBy(result.records.map((record) => record.decision).filter(Boolean)),
    promotions: countBy(world.promotions.map((promotion) => promotion.kind)),
    dnsChanges: world.dnsChanges.length,
    finalWriter: world.writer.role,
    finalWeights: Object.fromEntries(world.weights.map((w) => [w.role, w.weight])),
    lostWrites: result.finalState.lostWrites.count,
    notifications: world.notifications,
    rtoSeconds: rto.applicable ? rto.measuredSeconds : null,
    servingRto: user.servingRto,
    writeRto: user.writeRto,
    readinessCodes: [...new Set((result.readiness ?? []).flatMap((report) => report.findings.map((finding) => finding.code)))],
  };
}

function check(name, expected, actual, passed) {
  return { name, expected, actual, passed };
}

function matches(matcher, notification) {
  return (matcher.severity === undefined || notification.severity === matcher.severity)
    && (matcher.subjectIncludes === undefined || notification.subject.includes(matcher.subjectIncludes))
    && (matcher.messageIncludes === undefined || notification.message.includes(matcher.messageIncludes));
}

function describeMatcher(matcher) {
  return Object.entries(matcher).map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(', ');
}

function executionChecks(id, expected, actual) {
  if (!actual) return [check(`execution ${id} ran`, 'ran', 'never started', false)];
  const checks = [];
  if (expected.status !== undefined) checks.push(check(`${id} status`, expected.status, actual.status, actual.status === expected.status));
  if (expected.decision !== undefined) checks.push(check(`${id} decision`, expected.decision, actual.decision, actual.decision === expected.decision));
  if (expected.error !== undefined) checks.push(check(`${id} error`, expected.error, actual.error, actual.error === expected.error));
  for (const state of expected.visited ?? []) {
    checks.push(check(`${id} visited ${state}`, 'visited', actual.visited.includes(state) ? 'visited' : 'not visited', actual.visited.includes(state)));
  }
  for (const state of expected.notVisited ?? []) {
    checks.push(check(`${id} did not visit ${state}`, 'not visited', actual.visited.includes(state) ? 'visited' : 'not visited', !actual.visited.includes(state)));
  }
  return checks;
}

/** Every expectation of `expect` as a check `{ name, expected, actual, passed }`. */
export function checkExpectations(expect, facts) {
  const checks = [];
  for (const [id, expected] of Object.entries(expect.executions ?? {})) checks.push(...executionChecks(id, expected, facts.executions[id]));
  for (const [action, count] of Object.entries(expect.decisions ?? {})) {
    const actual = facts.decisions[action] ?? 0;
    checks.push(check(`decisions ${action}`, count, actual, actual === count));
  }
  for (const [action, count] of Object.entries(expect.maxDecisions ?? {})) {
    const actual = facts.decisions[action] ?? 0;
    checks.push(check(`decisions ${action} at most`, `≤ ${count}`, actual, actual <= count));
  }
  for (const [kind, count] of Object.entries(expect.promotions ?? {})) {
    const actual = facts.promotions[kind] ?? 0;
    checks.push(check(`database ${kind} operations`, count, actual, actual === count));
  }
  for (const [kind, count] of Object.entries(expect.maxPromotions ?? {})) {
    const actual = facts.promotions[kind] ?? 0;
    checks.push(check(`database ${kind} operations at most`, `≤ ${count}`, actual, actual <= count));
  }
  if (expect.maxDatabaseOperations !== undefined) {
    const actual = Object.values(facts.promotions).reduce((sum, count) => sum + count, 0);
    checks.push(check('database operations (any kind) at most', `≤ ${expect.maxDatabaseOperations}`, actual, actual <= expect.maxDatabaseOperations));
  }
  if (expect.dnsChanges !== undefined) checks.push(check('DNS change batches', expect.dnsChanges, facts.dnsChanges, facts.dnsChanges === expect.dnsChanges));
  if (expect.finalWriter !== undefined) checks.push(check('final writer', expect.finalWriter, facts.finalWriter, facts.finalWriter === expect.finalWriter));
  if (expect.finalWeights !== undefined) {
    const passed = Object.entries(expect.finalWeights).every(([role, weight]) => facts.finalWeights[role] === weight);
    checks.push(check('final weights', expect.finalWeights, facts.finalWeights, passed));
  }
  if (expect.lostWrites !== undefined) checks.push(check('lost writes', expect.lostWrites, facts.lostWrites, facts.lostWrites === expect.lostWrites));
  if (expect.maxLostWrites !== undefined) {
    checks.push(check('lost writes at most', `≤ ${expect.maxLostWrites}`, facts.lostWrites, facts.lostWrites <= expect.maxLostWrites));
  }
  if (expect.notificationCount !== undefined) {
    // The executions' notices: a readiness step's notice (--readiness) is not the scenario's; matchers still see it.
    const sent = facts.notifications.filter((notification) => !String(notification.subject ?? '').startsWith(READINESS_SUBJECT)).length;
    checks.push(check('notifications sent', expect.notificationCount, sent, sent === expect.notificationCount));
  }
  const unused = [...facts.notifications];
  for (const matcher of expect.notifications ?? []) {
    const index = unused.findIndex((notification) => matches(matcher, notification));
    const found = index >= 0 ? unused.splice(index, 1)[0] : undefined;
    checks.push(check(`notification with ${describeMatcher(matcher)}`, 'sent', found ? `sent: "${found.subject}"` : 'not sent', Boolean(found)));
  }
  for (const code of expect.readinessCodes ?? []) {
    checks.push(check(`readiness finding ${code}`, 'reported', facts.readinessCodes, facts.readinessCodes.includes(code)));
  }
  if (expect.maxRtoSeconds !== undefined) {
    const passed = facts.rtoSeconds !== null && facts.rtoSeconds <= expect.maxRtoSeconds;
    checks.push(check('RTO (AWS-equivalent seconds)', `≤ ${expect.maxRtoSeconds}`, facts.rtoSeconds ?? 'no recovery', passed));
  }
  checks.push(...userRtoChecks(expect, facts));
  return checks;
}

/** A user-visible RTO as a check's actual value: its seconds, or why there is none. */
function rtoActual(rto) {
  if (!rto.applicable) return `not measured (${rto.reason})`;
  return rto.recovered ? rto.seconds : `not recovered by the end of the run (${rto.seconds} s so far)`;
}

function userRtoChecks(expect, facts) {
  const checks = [];
  for (const [key, name, rto] of [['maxServingRtoSeconds', 'serving RTO (model seconds)', facts.servingRto], ['maxWriteRtoSeconds', 'write RTO (model seconds)', facts.writeRto]]) {
    if (expect[key] === undefined) continue;
    const passed = rto.applicable && rto.recovered && rto.seconds <= expect[key];
    checks.push(check(name, `≤ ${expect[key]}`, rtoActual(rto), passed));
  }
  for (const [key, name, rto] of [['maxFailedReads', 'failed reads at most', facts.servingRto], ['maxFailedWrites', 'failed writes at most', facts.writeRto]]) {
    if (expect[key] === undefined) continue;
    checks.push(check(name, `≤ ${expect[key]}`, rto.failed, rto.failed <= expect[key]));
  }
  return checks;
}

/** Checks every scenario holds whatever its expectations: its steps ran, its hooks fired, its crashes crashed. */
export function integrityChecks(result) {
  const checks = result.stepErrors.map((error) => check('scenario step', 'ran', error, false));
  for (const hook of result.unfiredHooks) checks.push(check(`hook ${hook}`, 'fired', 'never reached', false));
  for (const record of result.records) {
    for (const invocation of record.invocations.filter((candidate) => candidate.crashInjected)) {
      const crashed = CRASHED_STATUSES.includes(invocation.status);
      checks.push(check(`${record.id} ${invocation.state} process crashed mid-invocation`, 'crashed', invocation.status ?? 'unknown', crashed));
    }
  }
  return checks;
}
