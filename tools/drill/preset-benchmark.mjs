#!/usr/bin/env node
// @ts-check
// Prints the preset benchmark's table from the runs benchmarks/rto-presets.sh left behind:
//   node tools/drill/preset-benchmark.mjs --directory artifacts/benchmarks/rto-presets --scenario primary-region-outage
// Layout: <directory>/<preset>/run-<i>/<scenario>.json and <directory>/<preset>/run-<i>/exit-code (the drill's).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { presetRow, renderTable } from './lib/preset-benchmark.mjs';

const { values } = parseArgs({ options: { directory: { type: 'string' }, scenario: { type: 'string' }, presets: { type: 'string' } } });
if (!values.directory || !values.scenario) {
  process.stderr.write('usage: preset-benchmark.mjs --directory DIR --scenario NAME [--presets "seed fast"]\n');
  process.exit(2);
}
const directory = values.directory;
const presets = values.presets ? values.presets.split(/\s+/).filter(Boolean) : readdirSync(directory).filter((name) => !name.includes('.'));
const rows = presets.map((preset) => {
  const runs = existsSync(join(directory, preset)) ? readdirSync(join(directory, preset)).filter((name) => name.startsWith('run-')).sort() : [];
  const reports = [];
  let passed = 0;
  for (const run of runs) {
    const report = join(directory, preset, run, `${values.scenario}.json`);
    if (existsSync(report)) reports.push(JSON.parse(readFileSync(report, 'utf8')));
    const exit = join(directory, preset, run, 'exit-code');
    if (existsSync(exit) && readFileSync(exit, 'utf8').trim() === '0') passed += 1;
  }
  return presetRow(preset, reports, passed);
});
const table = renderTable(rows, values.scenario);
writeFileSync(join(directory, 'table.md'), table);
process.stdout.write(table);
