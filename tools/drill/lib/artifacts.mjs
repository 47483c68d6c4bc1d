// @ts-check
// Files a drill leaves behind: per scenario a JSON report and an SVG timeline, a run summary, CI counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderTimeline } from './svg-timeline.mjs';

/** Writes `<dir>/<scenario>.json` and `<dir>/<scenario>.svg`; returns their paths. */
export function writeScenarioArtifacts(directory, report) {
  mkdirSync(directory, { recursive: true });
  const json = join(directory, `${report.scenario.name}.json`);
  const svg = join(directory, `${report.scenario.name}.svg`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(svg, renderTimeline(report));
  return { json, svg };
}

/**
 * A user-visible RTO as summary.json carries it (contract K3): model seconds (null when not measured or never
 * recovered), its floor (null when the model gives none) and the failed requests.
 * @param {import('./user-rto.mjs').UserRto | undefined} rto
 */
export function userFigure(rto) {
  if (!rto) return { seconds: null, floorSeconds: null, failed: null };
  return { seconds: rto.applicable && rto.recovered ? rto.seconds : null, floorSeconds: rto.floorSeconds ?? null, failed: rto.failed };
}

/** The run's summary: one entry per scenario with the measured figures the README quotes. */
export function runSummary(reports, profile) {
  return {
    profile,
    passed: reports.filter((r) => r.passed).length,
    failed: reports.filter((r) => !r.passed).length,
    scenarios: reports.map((r) => ({
      name: r.scenario.name,
      passed: r.passed,
      failedChecks: r.checks.filter((c) => !c.passed).map((c) => c.name),
      rtoSeconds: r.rto?.applicable ? r.rto.measuredSeconds : null,
      floorSeconds: r.rto?.applicable ? r.rto.floor.seconds : null,
      overheadSeconds: r.rto?.applicable ? r.rto.overhead.overheadSeconds : null,
      executionOverheadSeconds: r.executions.map((e) => ({ id: e.id, seconds: e.overhead.overheadSeconds })),
      lostWrites: r.dataLoss?.lostWrites ?? null,
      servingRto: userFigure(r.servingRto),
      writeRto: userFigure(r.writeRto),
    })),
  };
}

export function writeSummary(directory, summary) {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'summary.json');
  writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
  return path;
}

/** "<passed> <failed>" for scripts/summarize_tests.py. */
export function writeCiCounts(path, summary) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${summary.passed} ${summary.failed}\n`);
}
