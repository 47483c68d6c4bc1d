import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DrillUsageError, ScenarioError } from '../../tools/drill/lib/errors.mjs';
import { loadCatalog, loadScenarioFile, selectScenarios } from '../../tools/drill/lib/scenario-loader.mjs';

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));

function scenarioText(name, extra = {}) {
  return JSON.stringify({
    name,
    title: name,
    steps: [{ do: 'start', executions: [{ id: 'a', machine: 'failover', trigger: { alarm: 'primary' } }] }],
    expect: { finalWriter: 'primary' },
    ...extra,
  });
}

function directoryWith(files) {
  const directory = mkdtempSync(join(tmpdir(), 'drill-scenarios-'));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
  return directory;
}

describe('the scenario catalog (scenarios/)', () => {
  const catalog = loadCatalog(SCENARIOS);

  it('LoadCatalog_ProjectScenarios_AllValidWithOneDefault', () => {
    assert.deepEqual(catalog.filter((s) => s.isDefault).map((s) => s.name), ['primary-region-outage']);
  });

  it('LoadCatalog_ProjectScenarios_CoverEveryScenarioTheDrillIssueRequires', () => {
    const required = [
      'primary-region-outage', 'primary-app-outage', 'secondary-outage', 'partition', 'flapping-health', 'concurrent-triggers',
      'replication-lag-escalation', 'stuck-promotion', 'throttling', 'function-crash', 'slow-dns-propagation', 'failback-regression',
      'malformed-trigger',
    ];

    assert.deepEqual(required.filter((name) => !catalog.some((s) => s.name === name)), []);
  });

  it('LoadCatalog_ProjectScenarios_EveryOneStatesTheFinalWorldOrItsExecutions', () => {
    const vague = catalog.filter((s) => s.expect.finalWriter === undefined && s.expect.executions === undefined).map((s) => s.name);

    assert.deepEqual(vague, []);
  });

  it('LoadCatalog_ConcurrentTriggers_StartsThreeExecutionsInOneStep', () => {
    const scenario = catalog.find((s) => s.name === 'concurrent-triggers');

    assert.equal(scenario.steps.find((step) => step.do === 'start').executions.length, 3);
  });
});

describe('loadCatalog and selectScenarios', () => {
  it('LoadCatalog_NameDifferentFromFileName_IsRejected', () => {
    const directory = directoryWith({ 'one.json': scenarioText('other', { default: true }) });

    assert.throws(() => loadCatalog(directory), (error) => error instanceof ScenarioError && /must match the file name 'one'/.test(error.problems[0]));
  });

  it('LoadCatalog_TwoDefaults_IsRejected', () => {
    const directory = directoryWith({ 'a.json': scenarioText('a', { default: true }), 'b.json': scenarioText('b', { default: true }) });

    assert.throws(() => loadCatalog(directory), /exactly one scenario must have "default": true; found a, b/);
  });

  it('LoadScenarioFile_InvalidJson_NamesTheFile', () => {
    const directory = directoryWith({ 'broken.json': '{"name": ' });

    assert.throws(() => loadScenarioFile(join(directory, 'broken.json')), (error) => error instanceof ScenarioError && error.source.endsWith('broken.json') && /not valid JSON/.test(error.message));
  });

  it('SelectScenarios_NoneNamed_ReturnsTheDefault', () => {
    const directory = directoryWith({ 'a.json': scenarioText('a'), 'b.json': scenarioText('b', { default: true }) });

    assert.deepEqual(selectScenarios({}, directory).map((s) => s.name), ['b']);
  });

  it('SelectScenarios_All_ReturnsEveryScenarioSortedByFile', () => {
    const directory = directoryWith({ 'b.json': scenarioText('b'), 'a.json': scenarioText('a', { default: true }) });

    assert.deepEqual(selectScenarios({ all: true }, directory).map((s) => s.name), ['a', 'b']);
  });

  it('SelectScenarios_UnknownName_ThrowsUsageErrorListingTheKnownOnes', () => {
    const directory = directoryWith({ 'a.json': scenarioText('a', { default: true }) });

    assert.throws(() => selectScenarios({ names: ['zzz'] }, directory), (error) => error instanceof DrillUsageError && /known: a/.test(error.message));
  });

  it('SelectScenarios_OnlyAFile_DoesNotNeedTheCatalog', () => {
    const elsewhere = directoryWith({ 'mine.json': scenarioText('mine') });

    const selected = selectScenarios({ files: [join(elsewhere, 'mine.json')] }, '/nonexistent');

    assert.deepEqual(selected.map((s) => [s.name, s.source]), [['mine', join(elsewhere, 'mine.json')]]);
  });
});
