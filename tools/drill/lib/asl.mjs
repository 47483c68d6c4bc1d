// @ts-check
// Walking the deployed ASL definitions (tools/stack applies their DefinitionSubstitutions).

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
