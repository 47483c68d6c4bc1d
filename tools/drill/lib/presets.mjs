// @ts-check
// Deployment presets (presets/NAME.json, CloudFormation --parameter-overrides style): which one a scenario runs
// with, the template parameters it sets and the lab world that matches them (Route 53's health-check interval and
// threshold, the records' TTL, the witness Region).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DrillSetupError, DrillUsageError } from './errors.mjs';

export const PRESETS = ['seed', 'fast'];
export const DEFAULT_PRESET = 'seed';

/** Template parameters that describe the lab's world, and the lab option that makes the world match them. */
const WORLD_OPTIONS = {
  HealthCheckIntervalSeconds: '--health-check-interval',
  HealthCheckFailureThreshold: '--health-check-failure-threshold',
  DnsTtlSeconds: '--dns-ttl',
  WitnessRegion: '--witness-region',
};

/**
 * @typedef {{ name: string, parameters: Record<string, string>, labArguments: string[], source: string | null }} Preset
 * `parameters`: template parameters by name; `labArguments`: the lab's world options; `source`: the file read
 * (null for `seed` without a file: today's deployment, the lab parameter file alone).
 */

/** The preset a scenario runs with: the command line's `--preset` wins over the scenario's `preset`. */
export function effectivePreset(scenario, override) {
  return override ?? scenario.preset ?? DEFAULT_PRESET;
}

/** Checks a `--preset` value. @param {string | undefined} name */
export function checkPresetName(name) {
  if (name !== undefined && !PRESETS.includes(name)) throw new DrillUsageError(`--preset must be one of ${PRESETS.join(', ')}; got '${name}'`);
  return name;
}

/**
 * Reads presets/NAME.json: `[{ "ParameterKey": ..., "ParameterValue": ... }]`. `seed` without a file is today's
 * deployment; any other preset must exist. Throws DrillSetupError naming the file and the problem.
 * @param {string} root @param {string} name @returns {Preset}
 */
export function loadPreset(root, name) {
  const path = join(root, 'presets', `${name}.json`);
  if (!existsSync(path)) {
    if (name === DEFAULT_PRESET) return { name, parameters: {}, labArguments: [], source: null };
    throw new DrillSetupError(`preset ${name}: ${path} does not exist`);
  }
  let document;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DrillSetupError(`preset ${name}: cannot read ${path}: ${error.message}`);
  }
  return presetFromDocument(name, document, path);
}

/** A preset from its parameter-overrides document (see loadPreset). @param {string} name @param {any} document @param {string} source */
export function presetFromDocument(name, document, source) {
  if (!Array.isArray(document)) throw new DrillSetupError(`preset ${name}: ${source} must be a list of {"ParameterKey", "ParameterValue"}`);
  /** @type {Record<string, string>} */
  const parameters = {};
  for (const [index, entry] of document.entries()) {
    const key = entry?.ParameterKey;
    const value = entry?.ParameterValue;
    if (typeof key !== 'string' || key === '' || (typeof value !== 'string' && typeof value !== 'number')) {
      throw new DrillSetupError(`preset ${name}: ${source}[${index}] must be {"ParameterKey": NAME, "ParameterValue": VALUE}`);
    }
    if (key in parameters) throw new DrillSetupError(`preset ${name}: ${source} sets ${key} twice`);
    parameters[key] = String(value);
  }
  return { name, parameters, labArguments: labArguments(parameters), source };
}

/** The lab options that make its world match the preset's parameters (an empty WitnessRegion: no witness). @param {Record<string, string>} parameters */
export function labArguments(parameters) {
  return Object.entries(WORLD_OPTIONS)
    .filter(([parameter]) => parameter in parameters && parameters[parameter] !== '')
    .flatMap(([parameter, option]) => [option, parameters[parameter]]);
}

/**
 * Groups scenarios by the preset they run with, in the order of their first scenario (one lab per preset).
 * @template T @param {T[]} scenarios @param {string | undefined} override @returns {Map<string, T[]>}
 */
export function groupByPreset(scenarios, override) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const scenario of scenarios) {
    const name = effectivePreset(scenario, override);
    if (!groups.has(name)) groups.set(name, []);
    /** @type {T[]} */ (groups.get(name)).push(scenario);
  }
  return groups;
}
