import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../tools/drill/lib/cli.mjs';
import { DrillSetupError, DrillUsageError, ScenarioError } from '../../tools/drill/lib/errors.mjs';
import { effectivePreset, groupByPreset, labArguments, loadPreset, presetFromDocument } from '../../tools/drill/lib/presets.mjs';
import { validateScenario } from '../../tools/drill/lib/scenario-schema.mjs';

const FAST = [
  { ParameterKey: 'HealthCheckIntervalSeconds', ParameterValue: '10' },
  { ParameterKey: 'DnsTtlSeconds', ParameterValue: '15' },
  { ParameterKey: 'ProbeIntervalSeconds', ParameterValue: '5' },
  { ParameterKey: 'WitnessRegion', ParameterValue: 'eu-west-1' },
];

const SCENARIO = {
  name: 'x', title: 'x',
  steps: [{ do: 'start', executions: [{ id: 'a', machine: 'failover', trigger: { alarm: 'primary' } }] }],
  expect: { promotions: { Failover: 0 } },
};

function repositoryWith(files) {
  const root = mkdtempSync(join(tmpdir(), 'presets-'));
  mkdirSync(join(root, 'presets'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'presets', name), content);
  return root;
}

describe('presets', () => {
  it('EffectivePreset_CommandLineOverride_WinsOverTheScenario', () => {
    assert.equal(effectivePreset({ preset: 'fast' }, 'seed'), 'seed');
    assert.equal(effectivePreset({ preset: 'fast' }, undefined), 'fast');
    assert.equal(effectivePreset({}, undefined), 'seed');
  });

  it('Scenario_WithoutPreset_RunsSeed', () => {
    assert.equal(validateScenario(SCENARIO, 'x.json').preset, 'seed');
  });

  it('Scenario_UnknownPreset_IsRefusedNamingTheField', () => {
    assert.throws(() => validateScenario({ ...SCENARIO, preset: 'quick' }, 'x.json'), (error) => error instanceof ScenarioError && /preset/.test(error.message));
  });

  it('CommandLine_Preset_IsCheckedAndKept', () => {
    assert.equal(parseCommandLine(['--preset', 'fast']).preset, 'fast');
    assert.equal(parseCommandLine([]).preset, undefined);
    assert.throws(() => parseCommandLine(['--preset', 'turbo']), DrillUsageError);
  });

  it('LabArguments_FastPreset_MatchTheWorldToTheDeployment', () => {
    const preset = presetFromDocument('fast', FAST, 'fast.json');

    assert.deepEqual(preset.labArguments, ['--health-check-interval', '10', '--dns-ttl', '15', '--witness-region', 'eu-west-1']);
    assert.equal(preset.parameters.ProbeIntervalSeconds, '5');
  });

  it('LabArguments_EmptyWitnessRegion_StartsNoWitness', () => {
    assert.deepEqual(labArguments({ WitnessRegion: '', HealthCheckIntervalSeconds: '30' }), ['--health-check-interval', '30']);
  });

  it('PresetFromDocument_NotAParameterList_IsASetupError', () => {
    assert.throws(() => presetFromDocument('fast', { HealthCheckIntervalSeconds: 10 }, 'fast.json'), DrillSetupError);
    assert.throws(() => presetFromDocument('fast', [{ ParameterKey: 'A' }], 'fast.json'), DrillSetupError);
    assert.throws(() => presetFromDocument('fast', [{ ParameterKey: 'A', ParameterValue: '1' }, { ParameterKey: 'A', ParameterValue: '2' }], 'fast.json'), DrillSetupError);
  });

  it('LoadPreset_SeedWithoutFile_IsTodaysDeployment', () => {
    const preset = loadPreset(repositoryWith({}), 'seed');

    assert.deepEqual(preset, { name: 'seed', parameters: {}, labArguments: [], source: null });
  });

  it('LoadPreset_FastWithoutFile_IsASetupError', () => {
    assert.throws(() => loadPreset(repositoryWith({}), 'fast'), DrillSetupError);
  });

  it('LoadPreset_File_IsRead', () => {
    const preset = loadPreset(repositoryWith({ 'fast.json': JSON.stringify(FAST) }), 'fast');

    assert.equal(preset.parameters.WitnessRegion, 'eu-west-1');
  });

  it('GroupByPreset_OneGroupPerPresetInFirstAppearanceOrder', () => {
    const groups = groupByPreset([{ name: 'a', preset: 'fast' }, { name: 'b' }, { name: 'c', preset: 'fast' }], undefined);

    assert.deepEqual([...groups.keys()], ['fast', 'seed']);
    assert.deepEqual(groups.get('fast').map((s) => s.name), ['a', 'c']);
  });

  it('GroupByPreset_Override_PutsEveryScenarioInOneGroup', () => {
    const groups = groupByPreset([{ name: 'a', preset: 'fast' }, { name: 'b' }], 'seed');

    assert.deepEqual([...groups.keys()], ['seed']);
  });
});
