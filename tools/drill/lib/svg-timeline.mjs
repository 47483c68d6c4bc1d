// @ts-check
// A self-contained SVG timeline of a drill: faults and triggers, then each execution's steps as bars, the RTO, and
// the clients' read and write success ratios with the serving and write RTOs.
//
// The axis is AWS-equivalent seconds, as the reports count them: wall time spent waiting on the modelled world is
// scaled back by the profile's time scale, while the project's own compute (Task invocations) is drawn at its real
// wall length. (Scaling the whole wall axis by the time scale drew a 1.2 s Validate as 36 s in the fast profile.)
import { union } from './intervals.mjs';
import { SUCCESS_RATIO } from './floors.mjs';

const WIDTH = 1200;
const LABEL_WIDTH = 300;
const LABEL_CHARACTERS = 50;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 30;
const ROW = 18;
const COLORS = {
  Lambda: '#3b82f6', SNS: '#8b5cf6', Wait: '#cbd5e1', Choice: '#94a3b8', Pass: '#94a3b8', Parallel: '#fbbf24',
  Succeed: '#16a34a', Fail: '#dc2626', fault: '#f87171', alarm: '#ea580c', trigger: '#0f766e', hook: '#a21caf', clear: '#65a30d',
};

const PHASE_COLORS = { detection: '#fca5a5', decision: '#93c5fd', 'recovery actions': '#fcd34d', verification: '#86efac' };

export function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A "nice" tick step (1, 2 or 5 × 10^k) giving about `target` ticks over `span`. */
export function tickStep(span, target = 10) {
  const raw = Math.max(span, 1e-3) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // 10 × magnitude > raw always, so one of them is found.
  return /** @type {number} */ ([1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw));
}

function colorOf(state, targets) {
  if (state.type === 'Task') return targets.get(state.state) === 'SNS' ? COLORS.SNS : COLORS.Lambda;
  return COLORS[state.type] ?? COLORS.Pass;
}

const RATIO_HEIGHT = 70;
const RATIO_COLORS = { reads: '#2563eb', writes: '#d97706' };

/**
 * Wall seconds from the scenario's start → AWS-equivalent seconds: the union of the executions' Task invocations at
 * its real length, every other wall second × timeScale.
 * @param {{ timeScale?: number, executions: { invocations: { start: number, seconds: number }[] }[] }} report
 * @returns {(t: number) => number}
 */
export function awsTimeline(report) {
  const scale = report.timeScale ?? 1;
  const compute = union(report.executions.flatMap((execution) => execution.invocations.map((i) => ({ from: i.start, to: i.start + i.seconds }))));
  return (t) => {
    let aws = 0;
    let cursor = 0;
    for (const interval of compute) {
      if (interval.from >= t) break;
      aws += (Math.max(interval.from, cursor) - cursor) * scale;
      const to = Math.min(interval.to, t);
      aws += Math.max(0, to - Math.max(interval.from, cursor));
      cursor = Math.max(cursor, to);
      if (interval.to >= t) return aws;
    }
    return aws + (t - cursor) * scale;
  };
}

function ratioPanel(report, x, y, parts, label) {
  const series = report.successRatios ?? [];
  if (series.length === 0) return y;
  const top = y + 4;
  const yOf = (ratio) => top + (1 - ratio) * RATIO_HEIGHT;
  label('success ratio (reads, writes)', y + RATIO_HEIGHT / 2 - 6, 'font-weight="bold"');
  parts.push(`<rect x="${LABEL_WIDTH}" y="${top}" width="${PLOT_WIDTH}" height="${RATIO_HEIGHT}" fill="none" stroke="#e2e8f0"/>`);
  parts.push(`<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${yOf(SUCCESS_RATIO)}" y2="${yOf(SUCCESS_RATIO)}" stroke="#64748b" stroke-dasharray="4 3"><title>99 %</title></line>`);
  for (const kind of /** @type {('reads' | 'writes')[]} */ (['reads', 'writes'])) {
    const points = series.filter((entry) => entry[kind] !== null).map((entry) => `${x(entry.at).toFixed(1)},${yOf(/** @type {number} */ (entry[kind])).toFixed(1)}`);
    if (points.length > 0) parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${RATIO_COLORS[kind]}" stroke-width="1.5"><title>${kind} succeeded per model second</title></polyline>`);
  }
  const marks = [['serving RTO', report.servingRto, RATIO_COLORS.reads], ['write RTO', report.writeRto, RATIO_COLORS.writes]];
  for (const [name, rto, color] of marks) {
    if (!rto?.applicable || rto.endedAt === null || rto.endedAt === undefined) continue;
    const floor = rto.floorSeconds === null ? 'no floor' : `floor ${rto.floorSeconds.toFixed(1)} s`;
    parts.push(`<line x1="${x(rto.endedAt)}" x2="${x(rto.endedAt)}" y1="${top}" y2="${top + RATIO_HEIGHT}" stroke="${color}" stroke-width="1.5"><title>${escapeXml(`${name} ${rto.seconds.toFixed(1)} model s (${floor}; ${rto.failed} failed)`)}</title></line>`);
  }
  return y + RATIO_HEIGHT + 12;
}

/** The SVG document for a report (see report.mjs). */
export function renderTimeline(report) {
  const wallEnd = Math.max(report.wallSeconds ?? 0, ...report.executions.map((e) => e.end ?? 0), ...report.events.map((e) => e.until ?? e.at), 1e-3);
  const aws = awsTimeline(report);
  const end = Math.max(aws(wallEnd), 1);
  const x = (t) => LABEL_WIDTH + (Math.max(0, aws(Math.max(0, t))) / end) * PLOT_WIDTH;
  const parts = [];
  let y = 60;
  const label = (text, row, options = '') => {
    const shown = text.length > LABEL_CHARACTERS ? `${text.slice(0, LABEL_CHARACTERS - 1)}…` : text;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${row + 13}" text-anchor="end" ${options}><title>${escapeXml(text)}</title>${escapeXml(shown)}</text>`);
  };

  for (const event of report.events) {
    label(event.kind === 'fault' ? event.label : `${event.kind}: ${event.label}`, y);
    const color = COLORS[event.kind] ?? COLORS.Pass;
    if (event.kind === 'fault') {
      const until = event.until ?? end;
      parts.push(`<rect x="${x(event.at)}" y="${y + 3}" width="${Math.max(1, x(until) - x(event.at))}" height="${ROW - 6}" fill="${color}" opacity="0.6"><title>${escapeXml(`${event.label}: ${event.at.toFixed(2)}–${until.toFixed(2)} s`)}</title></rect>`);
    } else {
      parts.push(`<path d="M${x(event.at)},${y + 2} l5,7 l-5,7 l-5,-7 z" fill="${color}"><title>${escapeXml(`${event.label} at ${event.at.toFixed(2)} s`)}</title></path>`);
    }
    y += ROW;
  }

  for (const execution of report.executions) {
    y += 8;
    label(`${execution.id}: ${execution.machine} ${execution.status}${execution.decision ? ` (${execution.decision})` : ''}`, y, 'font-weight="bold"');
    parts.push(`<line x1="${x(execution.start)}" x2="${x(execution.end)}" y1="${y + 9}" y2="${y + 9}" stroke="#334155" stroke-width="2"/>`);
    y += ROW;
    const targets = new Map(execution.invocations.map((invocation) => [invocation.state, invocation.target]));
    const rows = new Map(execution.steps.map((step, index) => [step.state, y + index * ROW]));
    for (const step of execution.steps) label(step.entries > 1 ? `${step.state} ×${step.entries}` : step.state, rows.get(step.state));
    for (const state of execution.states) {
      const row = rows.get(state.state);
      const failed = state.outcome !== 'succeeded';
      parts.push(`<rect x="${x(state.start)}" y="${row + 3}" width="${Math.max(1.5, x(state.start + state.seconds) - x(state.start))}" height="${ROW - 6}" fill="${colorOf(state, targets)}"${failed ? ' stroke="#dc2626" stroke-width="1.5"' : ''}><title>${escapeXml(`${state.state} (${state.type}) at ${state.start.toFixed(2)} s for ${state.seconds.toFixed(3)} s${state.retries ? `, ${state.retries} retries` : ''}${failed ? `, ${state.outcome}` : ''}`)}</title></rect>`);
    }
    y += execution.steps.length * ROW;
  }

  if (report.rto?.applicable) {
    y += 10;
    const { incidentStart, recoveredAt, measuredSeconds, targetSeconds, floor } = report.rto;
    label('RTO phases', y, 'font-weight="bold"');
    const sequential = report.rto.phases.filter((phase) => PHASE_COLORS[phase.name]);
    for (const phase of sequential) {
      parts.push(`<rect x="${x(phase.start)}" y="${y + 3}" width="${Math.max(1.5, x(phase.end) - x(phase.start))}" height="${ROW - 6}" fill="${PHASE_COLORS[phase.name]}"><title>${escapeXml(`${phase.name}: ${phase.seconds.toFixed(1)} s AWS-equivalent (${phase.wallSeconds.toFixed(2)} s wall)`)}</title></rect>`);
    }
    y += ROW;
    label('RTO', y, 'font-weight="bold"');
    parts.push(`<path d="M${x(incidentStart)},${y + 4} v10 H${x(recoveredAt)} v-10" fill="none" stroke="#0f172a" stroke-width="1.5"/>`);
    parts.push(`<text x="${(x(incidentStart) + x(recoveredAt)) / 2}" y="${y + 28}" text-anchor="middle">${escapeXml(`RTO ${measuredSeconds.toFixed(1)} s AWS-equivalent (target ${targetSeconds} s, floor ${floor.seconds.toFixed(1)} s)`)}</text>`);
    y += 2 * ROW;
  }
  y = ratioPanel(report, x, y, parts, label);

  const step = tickStep(end);
  const axis = [];
  const at = (seconds) => LABEL_WIDTH + (seconds / end) * PLOT_WIDTH;
  for (let t = 0; t <= end + 1e-9; t += step) {
    axis.push(`<line x1="${at(t)}" x2="${at(t)}" y1="50" y2="${y}" stroke="#e2e8f0"/>`);
    axis.push(`<text x="${at(t)}" y="${y + 14}" text-anchor="middle" fill="#475569">${escapeXml(`${Number(t.toFixed(3))} s`)}</text>`);
  }
  const height = y + 40;
  const verdict = report.passed ? 'PASSED' : 'FAILED';
  const scale = report.timeScale && report.timeScale !== 1
    ? `; axis: AWS-equivalent seconds (modelled time ×${report.timeScale} back to AWS speed, the project's compute at its real length)`
    : '; axis: seconds';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold">${escapeXml(`${report.scenario.name} — ${report.scenario.title}: ${verdict}`)}</text>`,
    `<text x="16" y="42" fill="#475569">${escapeXml(`profile ${report.profile}${scale}`)}</text>`,
    ...axis,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
