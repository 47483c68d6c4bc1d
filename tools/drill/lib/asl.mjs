// Reading the project's ASL definitions the way Step Functions would see them after deployment.
import { readFileSync } from 'node:fs';
import { DrillSetupError } from './errors.mjs';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** Substitutes `${Name}` placeholders as CloudFormation DefinitionSubstitutions does; every one needs a value. */
export function substitute(text, substitutions, source) {
  const missing = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].filter((name) => !(name in substitutions));
  if (missing.length > 0) throw new DrillSetupError(`${source}: no substitution for ${missing.join(', ')}`);
  return text.replace(PLACEHOLDER, (_, name) => String(substitutions[name]));
}

export function loadDefinition(path, substitutions) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DrillSetupError(`cannot read the state machine ${path}: ${error.message}`);
  }
  return JSON.parse(substitute(text, substitutions, path));
}

/** Calls `visit(name, state)` for every state, Parallel branches and Map processors included. */
export function forEachState(definition, visit) {
  for (const [name, state] of Object.entries(definition.States)) {
    visit(name, state);
    for (const branch of state.Branches ?? []) forEachState(branch, visit);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) forEachState(processor, visit);
  }
}

/** Every state by name (names are unique across a definition's branches). */
export function statesByName(definition) {
  const states = new Map();
  forEachState(definition, (name, state) => states.set(name, state));
  return states;
}

/**
 * waitTimeOverrides (milliseconds) for the Wait states with a literal `Seconds`, scaled to the lab's time
 * profile. Waits that read their duration from the document (SecondsPath) already get values in the lab's
 * time base, because the configuration the functions and substitutions carry is scaled.
 */
export function scaledWaits(definition, timeScale) {
  const overrides = {};
  forEachState(definition, (name, state) => {
    if (state.Type === 'Wait' && typeof state.Seconds === 'number') overrides[name] = (state.Seconds * 1000) / timeScale;
  });
  return overrides;
}

/** The Lambda function name of an ARN (`arn:aws:lambda:region:account:function:NAME[:qualifier]`), or undefined. */
export function functionNameOf(resource) {
  const match = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:([^:]+)(?::[^:]+)?$/.exec(resource);
  return match?.[1];
}
