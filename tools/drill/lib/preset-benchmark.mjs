// @ts-check
// The preset benchmark's table (benchmarks/rto-presets.sh): per preset, the medians over the runs of the serving,
// write and recovery-actions RTOs, each beside the median of its floor, and the orchestration overhead.

/**
 * The median of the finite numbers in `values` (the mean of the two middle ones for an even count); null when there is
 * none. Nulls (a figure not measured, an RTO never recovered) are left out: `measuredCount` says how many counted.
 * @param {(number | null | undefined)[]} values
 */
export function median(values) {
  const sorted = /** @type {number[]} */ (values.filter((value) => typeof value === 'number' && Number.isFinite(value))).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** How many of `values` are finite numbers. @param {(number | null | undefined)[]} values */
export function measuredCount(values) {
  return values.filter((value) => typeof value === 'number' && Number.isFinite(value)).length;
}

/**
 * One run's figures from a scenario report (artifacts/drills/<scenario>.json): model seconds, null when not measured.
 * @param {any} report
 */
export function runFigures(report) {
  const user = (rto) => ({ seconds: rto?.applicable && rto.recovered ? rto.seconds : null, floor: rto?.floorSeconds ?? null });
  const actions = report.rto?.applicable ? report.rto : undefined;
  return {
    serving: user(report.servingRto),
    writes: user(report.writeRto),
    actions: { seconds: actions?.measuredSeconds ?? null, floor: actions?.floor?.seconds ?? null },
    overhead: actions?.overhead?.overheadSeconds ?? null,
  };
}

/**
 * A preset's row: the medians of each figure over its runs, and how many runs measured it.
 * @param {string} preset @param {any[]} reports one scenario report per run @param {number} [checksPassed] runs whose --check-floors held
 */
export function presetRow(preset, reports, checksPassed) {
  const runs = reports.map(runFigures);
  const pair = (key) => ({
    seconds: median(runs.map((run) => run[key].seconds)),
    floor: median(runs.map((run) => run[key].floor)),
    measured: measuredCount(runs.map((run) => run[key].seconds)),
  });
  return {
    preset,
    runs: runs.length,
    serving: pair('serving'),
    writes: pair('writes'),
    actions: pair('actions'),
    overhead: { seconds: median(runs.map((run) => run.overhead)), measured: measuredCount(runs.map((run) => run.overhead)) },
    checksPassed: checksPassed ?? null,
  };
}

const figure = (value, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));

/** "142.1 (137.1)", with "k/N" when some runs measured nothing. @param {{ seconds: number | null | undefined, floor: number | null | undefined, measured: number }} pair @param {number} runs */
function cell(pair, runs) {
  const partial = pair.measured < runs ? ` [${pair.measured}/${runs}]` : '';
  return `${figure(pair.seconds)} (${figure(pair.floor)})${partial}`;
}

/**
 * The Markdown table of the rows.
 * @param {ReturnType<typeof presetRow>[]} rows @param {string} scenario
 */
export function renderTable(rows, scenario) {
  const lines = [
    `Scenario ${scenario}, realistic profile; medians over the runs, model seconds; floors in parentheses (their medians).`,
    '',
    '| preset | runs | serving RTO (floor) | write RTO (floor) | actions RTO (floor) | overhead | --check-floors held |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const overhead = `${figure(row.overhead.seconds, 2)}${row.overhead.measured < row.runs ? ` [${row.overhead.measured}/${row.runs}]` : ''}`;
    const checks = row.checksPassed === null ? 'n/a' : `${row.checksPassed}/${row.runs}`;
    lines.push(`| ${row.preset} | ${row.runs} | ${cell(row.serving, row.runs)} | ${cell(row.writes, row.runs)} | ${cell(row.actions, row.runs)} | ${overhead} | ${checks} |`);
  }
  return `${lines.join('\n')}\n`;
}
