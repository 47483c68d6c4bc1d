// Runs the project's ASL definitions in aws-local-stepfunctions with every Task state replaced by a
// local handler. Shared by the ASL behaviour tests and the drill runner.
import '../../../tools/drill/lib/promise-with-resolvers.mjs';
import { readFileSync } from 'node:fs';
import { ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** Names of every `${Name}` placeholder in an ASL text, as CloudFormation DefinitionSubstitutions sees them. */
export function placeholdersIn(text) {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));
}

/**
 * Reads an ASL file and substitutes its `${Name}` placeholders the way DefinitionSubstitutions does.
 * Every placeholder must have a value, so a definition is never run half-substituted.
 */
export function loadDefinition(path, substitutions) {
  const text = readFileSync(path, 'utf8');
  const missing = [...placeholdersIn(text)].filter((name) => !(name in substitutions));
  if (missing.length > 0) {
    throw new Error(`${path}: no substitution for ${missing.join(', ')}`);
  }
  return JSON.parse(text.replace(PLACEHOLDER, (_, name) => String(substitutions[name])));
}

/** Calls `visit(name, state)` for every state, including those inside Parallel branches and Map processors. */
export function forEachState(definition, visit) {
  for (const [name, state] of Object.entries(definition.States)) {
    visit(name, state);
    for (const branch of state.Branches ?? []) {
      forEachState(branch, visit);
    }
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) {
      forEachState(processor, visit);
    }
  }
}

function statesOfType(definition, type) {
  const names = [];
  forEachState(definition, (name, state) => {
    if (state.Type === type) names.push(name);
  });
  return names;
}

/** waitTimeOverrides that make every Wait state of the definition instant. */
export function instantWaits(definition) {
  return Object.fromEntries(statesOfType(definition, 'Wait').map((name) => [name, 0]));
}

/** retryIntervalOverrides that make every Retry pause of the definition instant (attempt counts still apply). */
export function instantRetries(definition) {
  const names = [];
  forEachState(definition, (name, state) => {
    if (state.Retry) names.push(name);
  });
  return Object.fromEntries(names.map((name) => [name, 0]));
}

/**
 * taskResourceLocalHandlers for every Task state, routed by the state's (substituted) Resource:
 * `invoke({ resource, stateName, input })` returns the task result or throws an Error whose `name`
 * is the error type that Retry and Catch match.
 */
export function taskHandlersByResource(definition, invoke) {
  return Object.fromEntries(
    statesOfType(definition, 'Task').map((stateName) => {
      let resource;
      forEachState(definition, (name, state) => {
        if (name === stateName) resource = state.Resource;
      });
      return [stateName, async (input) => invoke({ resource, stateName, input })];
    }),
  );
}

/** A Context Object with the execution identity the definitions read through `$$.Execution`. */
export function executionContext(name, stateMachineArn = 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:drlambdas') {
  const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  return { Execution: { Id: executionArn, Name: name } };
}

/**
 * Runs one execution to its end.
 * Returns { status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT', output, error, cause, visited, events }:
 * `visited` lists the names of the states entered, nested ones included, in the order entered.
 */
export async function runStateMachine(definition, input, options = {}) {
  const machine = new StateMachine(definition);
  const execution = machine.run(input, {
    context: options.context ?? executionContext('test-execution'),
    overrides: {
      taskResourceLocalHandlers: options.taskHandlers ?? {},
      waitTimeOverrides: options.waitTimeOverrides ?? instantWaits(definition),
      retryIntervalOverrides: options.retryIntervalOverrides ?? instantRetries(definition),
    },
  });
  const events = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) events.push(event);
  })();

  let outcome;
  try {
    outcome = { status: 'SUCCEEDED', output: await execution.result };
  } catch (failure) {
    if (failure instanceof ExecutionTimeoutError) {
      outcome = { status: 'TIMED_OUT' };
    } else if (failure instanceof ExecutionError) {
      outcome = { status: 'FAILED', error: failure.cause?.name, cause: failure.cause?.message };
    } else {
      throw failure;
    }
  }
  await collecting;
  const visited = events.filter((event) => event.type === 'StateEntered').map((event) => event.state.name);
  return { ...outcome, visited, events };
}
