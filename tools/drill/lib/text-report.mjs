// @ts-check
// The drill report for a terminal: timeline, RTO breakdown, data loss, final world, checks.

const seconds = (value) => `${Number(value).toFixed(1)} s`;
const time = (value) => Number(value).toFixed(2).padStart(8);

function header(report) {
  const verdict = report.passed ? 'PASSED' : 'FAILED';
  const speed = report.timeScale && report.timeScale !== 1 ? `, lab time ×${report.timeScale}` : '';
  return `══ ${report.scenario.name} — ${report.scenario.title}: ${verdict} (profile ${report.profile}${speed}${report.preset && report.preset !== 'seed' ? `, preset ${report.preset}` : ''}${report.wallSeconds !== undefined ? `, ${report.wallSeconds.toFixed(1)} s wall` : ''})`;
}

function timeline(report) {
  const lines = ['Timeline (seconds of wall time from the start of the scenario)'];
  for (const event of report.events) lines.push(`  ${time(event.at)}  ${event.kind.padEnd(7)} ${event.label}`);
  for (const execution of report.executions) {
    const decision = execution.decision ? `, decision ${execution.decision}` : '';
    const error = execution.error ? `, ${execution.error}` : '';
    lines.push(`  ${execution.id} — ${execution.machine} ${execution.status}${error}${decision}`);
    lines.push(`    ${'step'.padEnd(28)} ${'start'.padStart(8)} ${'duration'.padStart(9)}  entries`);
    for (const step of execution.steps) {
      const retries = step.retries ? `, ${step.retries} retr${step.retries === 1 ? 'y' : 'ies'}` : '';
      const outcome = step.outcome === 'succeeded' ? '' : ` [${step.outcome}]`;
      lines.push(`    ${step.state.padEnd(28)} ${time(step.start)} ${step.seconds.toFixed(2).padStart(8)}s  ${step.entries}${retries}${outcome}`);
    }
    const o = execution.overhead;
    lines.push(`    orchestration overhead ${o.overheadSeconds.toFixed(3)} s (functions and SNS ${o.inTasksSeconds.toFixed(3)} s, interpreter ${o.inInterpreterSeconds.toFixed(3)} s) over ${o.invocations} Task call(s), ${o.coldStarts} cold start(s); modelled waits ${o.pausedSeconds.toFixed(2)} s`);
  }
  return lines;
}

function userRtoLines(name, rto, requests) {
  if (!rto?.applicable) return [`  ${name}: not measured — ${rto?.reason ?? 'no traffic'}; ${rto?.failed ?? 0} failed ${requests}`];
  const measured = rto.recovered ? seconds(rto.seconds) : `not recovered (${seconds(rto.seconds)} so far)`;
  const floor = rto.floorSeconds === null ? `no floor (${rto.floor?.reason})` : `floor ${seconds(rto.floorSeconds)}`;
  const lines = [`  ${name.padEnd(24)} ${measured.padStart(10)}   ${floor}; ${rto.failed} failed ${requests}`];
  if (rto.floorSeconds !== null && rto.floor) lines.push(`      floor = ${rto.floor.explanation}`);
  if (rto.budget) {
    const items = rto.budget.items.map((item) => `${item.name} ${seconds(item.seconds)}`).join(' + ');
    lines.push(`      budget from the configuration (assess): ${seconds(rto.budget.totalSeconds)} = ${items}; the ${seconds(rto.budget.targetSeconds)} target ${rto.budget.reachable ? 'reachable' : 'not reachable'}`);
  }
  if (rto.floorSeconds !== null && rto.recovered && rto.seconds < rto.floorSeconds) lines.push('      (below its floor: a bug in the lab model or the measurement)');
  return lines;
}

/** The user-visible RTOs (model seconds, from the lab's clients) beside the recovery actions' RTO. */
function userSection(report) {
  if (!report.servingRto) return [];
  const incident = report.incident ? ` from ${report.incident.kind}${report.incident.region ? ` in ${report.incident.region}` : ''} at ${report.incident.at.toFixed(2)} s` : '';
  const actions = report.rto?.applicable
    ? [`  ${'RTO (recovery actions)'.padEnd(24)} ${seconds(report.rto.measuredSeconds).padStart(10)}   floor ${seconds(report.rto.floor.seconds)}; AWS-equivalent, broken down below`]
    : [];
  return [
    `What users see (model seconds${incident}; a second is served at ≥ 99 % success)`,
    ...userRtoLines('serving RTO (reads)', report.servingRto, 'reads'),
    ...userRtoLines('write RTO', report.writeRto, 'writes'),
    ...actions,
  ];
}

function rtoSection(rto) {
  if (!rto.applicable) return [`RTO (recovery actions): not applicable — ${rto.reason}`];
  const lines = [
    `RTO (recovery actions) ${seconds(rto.measuredSeconds)} (AWS-equivalent) against a target of ${seconds(rto.targetSeconds)}: ${rto.metTarget ? 'met' : 'not met'} — execution ${rto.execution}, ${rto.decision}`,
  ];
  for (const phase of rto.phases) {
    const parallel = phase.name === 'promotion' || phase.name === 'propagation' ? '  (in parallel)' : '';
    lines.push(`  ${phase.name.padEnd(18)} ${seconds(phase.seconds).padStart(10)}${parallel}`);
  }
  const o = rto.overhead;
  lines.push(`  ${'own overhead'.padEnd(18)} ${`${o.overheadSeconds.toFixed(3)} s`.padStart(10)}  (functions and SNS ${o.inTasksSeconds.toFixed(3)} s, interpreter ${o.inInterpreterSeconds.toFixed(3)} s; not scaled)`);
  const f = rto.floor;
  lines.push(`  floor = detection + promotion = ${seconds(f.detectionSeconds)} + ${seconds(f.promotionSeconds)} = ${seconds(f.seconds)}; measured is ${seconds(f.aboveFloorSeconds)} above it (polling and overhead)`);
  lines.push(`  the DNS pin's propagation (${seconds(f.propagationSeconds)}) is off the critical path: verification runs once the database is promoted`);
  lines.push(`  detection includes the metric ingestion delay the lab models (${seconds(f.ingestionDelaySeconds ?? 0)} per datapoint)`);
  if (f.aboveFloorSeconds < 0) {
    lines.push('  (below the floor: this profile runs the modelled world faster while the functions compute, e.g. during client retries, so the AWS-equivalent figure is an estimate; --profile realistic measures it directly)');
  }
  if (rto.budget) {
    const items = rto.budget.items.map((item) => `${item.name} ${seconds(item.seconds)}`).join(' + ');
    lines.push(`  budget from the configuration: ${seconds(rto.budget.totalSeconds)} = ${items}; target ${rto.budget.reachable ? 'reachable' : 'not reachable'}`);
  }
  return lines;
}

function dataLossSection(dataLoss) {
  if (!dataLoss) return [];
  const estimate = dataLoss.estimates.map((e) => `${e.execution} estimated ${seconds(e.estimatedSeconds)}`).join(', ');
  return [
    `Data loss (lab ground truth): ${dataLoss.lostWrites} acknowledged write(s) lost, spanning ${seconds(dataLoss.spanSeconds)}; RPO target ${seconds(dataLoss.rpoTargetSeconds)}: ${dataLoss.metTarget ? 'met' : 'exceeded'}${estimate ? ` (${estimate})` : ''}`,
  ];
}

function worldSection(world) {
  if (!world) return [];
  const weights = world.weights.map((w) => `${w.role ?? w.setIdentifier} ${w.weight}`).join(', ');
  const promotions = world.promotions.map((p) => `${p.kind} ${p.from}→${p.to} ${p.outcome}`).join('; ') || 'none';
  const lines = [
    `Final world: writer ${world.writer.role} (${world.writer.region}); weights ${weights}; database operations: ${promotions}; DNS change batches: ${world.dnsChanges.length}`,
    `  notifications sent: ${world.notifications.length}`,
  ];
  for (const notification of world.notifications) lines.push(`    [${notification.severity ?? '-'}] ${notification.subject}`);
  return lines;
}

function readinessSection(readiness) {
  const lines = [];
  for (const report of readiness ?? []) {
    lines.push(`Readiness at ${time(report.at)}: ${report.findings.length === 0 ? 'no findings' : `${report.findings.length} finding(s)`}${report.ready ? '' : ', NOT READY'}`);
    for (const finding of report.findings) {
      lines.push(`  ${finding.severity.padEnd(8)} [${finding.code}] ${finding.subject}: ${finding.problem}`);
      lines.push(`           evidence: ${finding.evidence}`);
      lines.push(`           fix: ${finding.fix}`);
    }
  }
  return lines;
}

function checksSection(checks) {
  return ['Checks', ...checks.map((c) => `  ${c.passed ? '✓' : '✗'} ${c.name}: ${c.passed ? '' : `expected ${JSON.stringify(c.expected)}, got `}${JSON.stringify(c.actual)}`)];
}

/** The whole report as text lines. */
export function renderReport(report) {
  return [header(report), ...timeline(report), ...userSection(report), ...rtoSection(report.rto), ...dataLossSection(report.dataLoss), ...worldSection(report.finalWorld), ...readinessSection(report.readiness), ...checksSection(report.checks), ''].join('\n');
}

/** One line per scenario and a total, for the end of a run. */
export function renderSummary(reports) {
  const passed = reports.filter((r) => r.passed).length;
  const lines = reports.map((r) => {
    const rto = r.rto?.applicable ? `actions ${seconds(r.rto.measuredSeconds)} (floor ${seconds(r.rto.floor.seconds)}), overhead ${r.rto.overhead.overheadSeconds.toFixed(3)} s` : 'no recovery';
    const user = (name, figure) => (figure?.applicable
      ? `${name} ${figure.recovered ? seconds(figure.seconds) : 'not recovered'}${figure.floorSeconds === null ? '' : ` (floor ${seconds(figure.floorSeconds)})`}`
      : `${name} n/a`);
    return `  ${r.passed ? '✓' : '✗'} ${r.scenario.name.padEnd(34)} ${user('serving', r.servingRto)}, ${user('writes', r.writeRto)}; ${rto}`;
  });
  return ['Drill summary', ...lines, `${passed} passed, ${reports.length - passed} failed`, ''].join('\n');
}
