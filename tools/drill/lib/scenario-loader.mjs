// @ts-check
// Finds, reads and validates scenario files, and picks the ones a run asks for.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DrillUsageError, ScenarioError } from './errors.mjs';
import { validateScenario } from './scenario-schema.mjs';

/** Reads and validates one scenario file. */
export function loadScenarioFile(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, [`cannot read the file: ${error.message}`]);
  }
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(path, [`not valid JSON: ${error.message}`]);
  }
  return { ...validateScenario(document, path), source: path };
}

/**
 * Every scenario of a directory (`*.json`, sorted by file name), validated together: names must match
 * their file names and be unique, and exactly one scenario is the default.
 */
export function loadCatalog(directory) {
  let files;
  try {
    files = readdirSync(directory).filter((file) => file.endsWith('.json')).sort();
  } catch (error) {
    throw new ScenarioError(directory, [`cannot list scenarios: ${error.message}`]);
  }
  const scenarios = [];
  const problems = [];
  for (const file of files) {
    try {
      const scenario = loadScenarioFile(join(directory, file));
      if (scenario.name !== basename(file, '.json')) {
        problems.push(`${file}: name '${scenario.name}' must match the file name '${basename(file, '.json')}'`);
      }
      scenarios.push(scenario);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(error.message);
    }
  }
  const defaults = scenarios.filter((scenario) => scenario.isDefault).map((scenario) => scenario.name);
  if (scenarios.length > 0 && defaults.length !== 1) {
    problems.push(`exactly one scenario must have "default": true; found ${defaults.length === 0 ? 'none' : defaults.join(', ')}`);
  }
  if (scenarios.length === 0 && problems.length === 0) problems.push('no scenario files (*.json)');
  if (problems.length > 0) throw new ScenarioError(directory, problems);
  return scenarios;
}

/**
 * The scenarios a run asks for: `--scenario NAME` (repeatable), `--scenario-file PATH` (repeatable),
 * `--all`, or the catalog's default scenario when none is named.
 */
export function selectScenarios({ names = [], files = [], all = false }, directory) {
  const fromFiles = files.map((file) => loadScenarioFile(file));
  if (!all && names.length === 0 && fromFiles.length > 0) return fromFiles;
  const catalog = loadCatalog(directory);
  if (all) return [...catalog, ...fromFiles];
  if (names.length === 0) return catalog.filter((scenario) => scenario.isDefault);
  const chosen = names.map((name) => {
    const scenario = catalog.find((candidate) => candidate.name === name);
    if (!scenario) {
      throw new DrillUsageError(`--scenario ${name}: no such scenario; known: ${catalog.map((s) => s.name).join(', ')}`);
    }
    return scenario;
  });
  return [...chosen, ...fromFiles];
}
