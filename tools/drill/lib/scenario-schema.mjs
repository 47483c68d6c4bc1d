// @ts-check
// Validates a scenario document and returns it normalised; every problem is reported at once, naming its field.
import { ScenarioError } from './errors.mjs';
import { Problems } from './validation.mjs';
import {
  CONFIGURATION_VARIABLES,
  DECISIONS,
  FAULT_KINDS,
  FINAL_STATUSES,
  MISCONFIGURATION_KINDS,
  MACHINES,
  PROMOTION_KINDS,
  ROLES,
  SEVERITIES,
  SUBSTITUTION_PARAMETERS,
} from './vocabulary.mjs';
import { PRESETS } from './presets.mjs';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EXECUTION_ID = /^[A-Za-z0-9_-]{1,40}$/;
const STEP_KINDS = ['inject', 'clearFaults', 'wait', 'waitForAlarm', 'start', 'awaitExecutions', 'pause', 'putParameter', 'misconfigure', 'readiness', 'awaitApproval', 'approve'];
/** SSM parameters a `putParameter` step may write, by the name the functions read them under. */
export const SCENARIO_PARAMETERS = { pause: 'DR_PAUSE_PARAMETER_NAME' };
const DEFAULT_PAUSED_BY = 'arn:aws:sts::111122223333:assumed-role/dr-operator/drill';
const APPROVAL_DECISIONS = ['approve', 'reject'];
const ALARM_STATES = ['ALARM', 'OK'];
/** Which deployed alarm stands for a Region: Route 53's HealthCheckStatus alarm, or the composite probe alarm (witness). */
const ALARM_SOURCES = ['health-check', 'probes'];
const DEFAULT_ALARM_TIMEOUT_SECONDS = 900;
const APPROVAL_POLICIES = ['never', 'escalations', 'data-loss', 'always'];

/**
 * Parses and validates one scenario. `source` names it in messages (a file path).
 * Throws ScenarioError listing every problem; returns the normalised scenario otherwise.
 */
export function validateScenario(document, source) {
  const problems = new Problems();
  const scenario = parseScenario(document, problems);
  if (problems.count > 0) throw new ScenarioError(source, problems.list);
  return scenario;
}

function parseScenario(document, problems) {
  if (!problems.object(document)) return undefined;
  problems.onlyKeys(document, [
    '$schema', 'name', 'title', 'description', 'default', 'observer', 'preset', 'configuration', 'substitutions', 'steps', 'hooks', 'expect',
  ]);
  const executionIds = new Map();
  const steps = parseSteps(document.steps, problems.at('steps'), executionIds);
  return {
    name: problems.at('name').string(document.name, { pattern: NAME }),
    title: problems.at('title').string(document.title),
    description: problems.at('description').string(document.description, { optional: true }) ?? '',
    isDefault: problems.at('default').boolean(document.default, { optional: true }) ?? false,
    observer: problems.at('observer').oneOf(document.observer, ROLES, { optional: true }) ?? 'secondary',
    preset: problems.at('preset').oneOf(document.preset, PRESETS, { optional: true }) ?? 'seed',
    configuration: parseConfiguration(document.configuration, problems.at('configuration')),
    substitutions: parseSubstitutions(document.substitutions, problems.at('substitutions')),
    steps,
    hooks: parseHooks(document.hooks, problems.at('hooks'), executionIds),
    expect: parseExpectations(document.expect, problems.at('expect'), executionIds),
  };
}

function parseConfiguration(value, problems) {
  if (value === undefined) return {};
  if (!problems.object(value)) return {};
  const configuration = {};
  for (const [name, setting] of Object.entries(value)) {
    const field = problems.at(name);
    if (!(name in CONFIGURATION_VARIABLES)) {
      field.add(`not a function variable a scenario may set (one of ${Object.keys(CONFIGURATION_VARIABLES).join(', ')})`);
    } else if (CONFIGURATION_VARIABLES[name] !== 'value') {
      configuration[name] = field.number(setting, { min: 0 });
    } else if (typeof setting === 'number' || typeof setting === 'string') {
      configuration[name] = setting;
    } else {
      field.add('must be a number or a string');
    }
  }
  return configuration;
}

function parseSubstitutions(value, problems) {
  if (value === undefined) return {};
  if (!problems.object(value)) return {};
  const substitutions = {};
  for (const [name, setting] of Object.entries(value)) {
    if (!SUBSTITUTION_PARAMETERS.includes(name)) {
      problems.at(name).add(`not a substitution a scenario may set (one of ${SUBSTITUTION_PARAMETERS.join(', ')})`);
    } else if (name === 'RequireApproval') {
      substitutions[name] = problems.at(name).oneOf(setting, APPROVAL_POLICIES);
    } else {
      substitutions[name] = problems.at(name).number(setting, { min: 1, integer: true });
    }
  }
  return substitutions;
}

function parseSteps(value, problems, executionIds) {
  if (!problems.array(value, { minLength: 1 })) return [];
  const steps = value.map((step, index) => parseStep(step, problems.at(index), executionIds));
  if (executionIds.size === 0) problems.add('no step starts an execution (add a step {"do":"start",...})');
  return steps;
}

function parseStep(step, problems, executionIds) {
  if (!problems.object(step)) return undefined;
  const kind = problems.at('do').oneOf(step.do, STEP_KINDS);
  switch (kind) {
    case 'inject':
      problems.onlyKeys(step, ['do', 'faults', 'note']);
      return { do: kind, faults: parseFaults(step.faults, problems.at('faults')) };
    case 'misconfigure':
      problems.onlyKeys(step, ['do', 'misconfigurations', 'note']);
      return { do: kind, misconfigurations: parseMisconfigurations(step.misconfigurations, problems.at('misconfigurations')) };
    case 'clearFaults':
    case 'awaitExecutions':
    case 'readiness':
      problems.onlyKeys(step, ['do', 'note']);
      return { do: kind };
    case 'wait':
      problems.onlyKeys(step, ['do', 'seconds', 'note']);
      return { do: kind, seconds: problems.at('seconds').number(step.seconds, { min: 0 }) };
    case 'waitForAlarm':
      problems.onlyKeys(step, ['do', 'region', 'source', 'state', 'timeoutSeconds', 'note']);
      return {
        do: kind,
        region: problems.at('region').oneOf(step.region, ROLES),
        source: problems.at('source').oneOf(step.source, ALARM_SOURCES, { optional: true }) ?? 'health-check',
        state: problems.at('state').oneOf(step.state, ALARM_STATES, { optional: true }) ?? 'ALARM',
        timeoutSeconds:
          problems.at('timeoutSeconds').number(step.timeoutSeconds, { min: 1, optional: true }) ?? DEFAULT_ALARM_TIMEOUT_SECONDS,
      };
    case 'pause':
      problems.onlyKeys(step, ['do', 'reason', 'pausedBy', 'forSeconds', 'note']);
      return {
        do: kind,
        reason: problems.at('reason').string(step.reason),
        pausedBy: problems.at('pausedBy').string(step.pausedBy, { optional: true }) ?? DEFAULT_PAUSED_BY,
        forSeconds: problems.at('forSeconds').number(step.forSeconds, { min: 1 }),
      };
    case 'putParameter':
      problems.onlyKeys(step, ['do', 'parameter', 'value', 'note']);
      return {
        do: kind,
        parameter: problems.at('parameter').oneOf(step.parameter, Object.keys(SCENARIO_PARAMETERS)),
        value: problems.at('value').string(step.value),
      };
    case 'start': {
      problems.onlyKeys(step, ['do', 'executions', 'background', 'note']);
      const executions = problems.at('executions').array(step.executions, { minLength: 1 }) ?? [];
      return {
        do: kind,
        background: problems.at('background').boolean(step.background, { optional: true }) ?? false,
        executions: executions.map((execution, index) => parseExecution(execution, problems.at('executions').at(index), executionIds)),
      };
    }
    case 'awaitApproval':
      // Waits until an execution (started before, in the background) asks for approval, without answering it.
      problems.onlyKeys(step, ['do', 'execution', 'timeoutSeconds', 'note']);
      if (typeof step.execution === 'string' && !executionIds.has(step.execution)) {
        problems.at('execution').add(`no execution started before has id '${step.execution}'`);
      }
      return {
        do: kind,
        execution: problems.at('execution').string(step.execution, { pattern: EXECUTION_ID }),
        timeoutSeconds:
          problems.at('timeoutSeconds').number(step.timeoutSeconds, { min: 1, optional: true }) ?? DEFAULT_ALARM_TIMEOUT_SECONDS,
      };
    case 'approve':
      // Answers an execution waiting at the approval gate as drctl approve/reject does (the execution must have
      // been started before, in the background).
      problems.onlyKeys(step, ['do', 'execution', 'decision', 'reason', 'timeoutSeconds', 'note']);
      if (typeof step.execution === 'string' && !executionIds.has(step.execution)) {
        problems.at('execution').add(`no execution started before has id '${step.execution}'`);
      }
      return {
        do: kind,
        execution: problems.at('execution').string(step.execution, { pattern: EXECUTION_ID }),
        decision: problems.at('decision').oneOf(step.decision, APPROVAL_DECISIONS),
        reason: problems.at('reason').string(step.reason),
        timeoutSeconds:
          problems.at('timeoutSeconds').number(step.timeoutSeconds, { min: 1, optional: true }) ?? DEFAULT_ALARM_TIMEOUT_SECONDS,
      };
    default:
      return undefined;
  }
}

function parseMisconfigurations(value, problems) {
  if (!problems.array(value, { minLength: 1 })) return [];
  return value.map((entry, index) => {
    const at = problems.at(index);
    if (!at.object(entry)) return undefined;
    const kind = at.at('kind').oneOf(entry.kind, Object.keys(MISCONFIGURATION_KINDS));
    if (kind === undefined) return undefined;
    const fields = MISCONFIGURATION_KINDS[kind];
    at.onlyKeys(entry, ['kind', ...fields]);
    const parsed = { kind };
    if (fields.includes('region')) parsed.region = at.at('region').oneOf(entry.region, ROLES);
    if (fields.includes('alarm')) parsed.alarm = at.at('alarm').oneOf(entry.alarm, ROLES);
    return parsed;
  });
}

function parseExecution(execution, problems, executionIds) {
  if (!problems.object(execution)) return undefined;
  problems.onlyKeys(execution, ['id', 'machine', 'trigger']);
  const id = problems.at('id').string(execution.id, { pattern: EXECUTION_ID });
  if (id !== undefined) {
    if (executionIds.has(id)) problems.at('id').add(`'${id}' is used by another execution`);
    executionIds.set(id, execution.machine);
  }
  return {
    id,
    machine: problems.at('machine').oneOf(execution.machine, MACHINES),
    trigger: parseTrigger(execution.trigger, problems.at('trigger')),
  };
}

function parseTrigger(trigger, problems) {
  if (!problems.object(trigger)) return undefined;
  const kinds = Object.keys(trigger).filter((key) => !('alarm' in trigger && key === 'source'));
  if (kinds.length !== 1 || !['alarm', 'manual', 'raw'].includes(kinds[0])) {
    return problems.add('must have exactly one of alarm (a Region role, with an optional source), manual (a manual start document) or raw (any JSON input)');
  }
  if (kinds[0] === 'alarm') {
    return {
      alarm: problems.at('alarm').oneOf(trigger.alarm, ROLES),
      source: problems.at('source').oneOf(trigger.source, ALARM_SOURCES, { optional: true }) ?? 'health-check',
    };
  }
  if (kinds[0] === 'raw') return { raw: trigger.raw };
  const manual = problems.at('manual').object(trigger.manual);
  if (!manual) return undefined;
  if (manual.targetRegion !== undefined) problems.at('manual').at('targetRegion').oneOf(manual.targetRegion, ROLES);
  return { manual };
}

function parseFaults(value, problems) {
  if (!problems.array(value, { minLength: 1 })) return [];
  return value.map((fault, index) => parseFault(fault, problems.at(index)));
}

/** A lab fault request with the Region given as a role; the lab validates the finer rules again. */
export function parseFault(fault, problems) {
  if (!problems.object(fault)) return undefined;
  const kind = problems.at('kind').oneOf(fault.kind, Object.keys(FAULT_KINDS));
  if (kind === undefined) return undefined;
  const fields = FAULT_KINDS[kind];
  problems.onlyKeys(fault, ['kind', 'atSeconds', 'durationSeconds', ...fields]);
  const parsed = { kind };
  parsed.atSeconds = problems.at('atSeconds').number(fault.atSeconds, { min: 0, optional: true });
  parsed.durationSeconds = problems.at('durationSeconds').number(fault.durationSeconds, { min: 0, optional: true });
  for (const field of fields) {
    if (fault[field] === undefined) continue;
    if (field === 'region') parsed.region = problems.at('region').oneOf(fault.region, ROLES);
    else if (field === 'service' || field === 'operation') parsed[field] = problems.at(field).string(fault[field]);
    else if (field === 'rate') parsed.rate = problems.at('rate').number(fault.rate, { min: 0, max: 1 });
    else parsed[field] = problems.at(field).number(fault[field], { min: 0 });
  }
  const regional = ['RegionOutage', 'AppOutage', 'DatabaseOutage', 'FlappingHealth'].includes(kind);
  if (regional && fault.region === undefined) problems.at('region').add(`${kind} needs region (primary or secondary)`);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
}

function parseHooks(value, problems, executionIds) {
  if (value === undefined) return [];
  if (!problems.array(value)) return [];
  return value.map((hook, index) => parseHook(hook, problems.at(index), executionIds));
}

function parseHook(hook, problems, executionIds) {
  if (!problems.object(hook)) return undefined;
  problems.onlyKeys(hook, ['when', 'inject', 'clearFaults', 'crash', 'note']);
  const when = problems.at('when').object(hook.when);
  let trigger;
  if (when) {
    const at = problems.at('when');
    at.onlyKeys(when, ['execution', 'task', 'occurrence', 'attempt']);
    const execution = at.at('execution').string(when.execution);
    if (execution !== undefined && !executionIds.has(execution)) at.at('execution').add(`no execution has id '${execution}'`);
    trigger = {
      execution,
      task: at.at('task').string(when.task),
      occurrence: at.at('occurrence').number(when.occurrence, { min: 1, integer: true, optional: true }) ?? 1,
      attempt: at.at('attempt').number(when.attempt, { min: 1, integer: true, optional: true }) ?? 1,
    };
  }
  const actions = ['inject', 'clearFaults', 'crash'].filter((action) => hook[action] !== undefined);
  if (actions.length !== 1) problems.add('must have exactly one action: inject (faults), clearFaults (true) or crash (true)');
  if (hook.inject !== undefined) return { when: trigger, inject: parseFaults(hook.inject, problems.at('inject')) };
  if (hook.clearFaults !== undefined) {
    if (hook.clearFaults !== true) problems.at('clearFaults').add('must be true');
    return { when: trigger, clearFaults: true };
  }
  if (hook.crash !== true) problems.at('crash').add('must be true (crashes the process serving the Task while the invocation is in flight)');
  return { when: trigger, crash: true };
}

function parseExpectations(value, problems, executionIds) {
  if (!problems.object(value)) return {};
  problems.onlyKeys(value, [
    'executions', 'decisions', 'maxDecisions', 'promotions', 'maxPromotions', 'maxDatabaseOperations', 'dnsChanges', 'finalWriter', 'finalWeights',
    'lostWrites', 'maxLostWrites', 'notifications', 'notificationCount', 'maxRtoSeconds', 'readinessCodes',
    'maxServingRtoSeconds', 'maxWriteRtoSeconds', 'maxFailedReads', 'maxFailedWrites',
  ]);
  if (Object.keys(value).length === 0) problems.add('must state at least one expectation');
  const expect = {};
  if (value.executions !== undefined) expect.executions = parseExecutionExpectations(value.executions, problems.at('executions'), executionIds);
  for (const key of ['decisions', 'maxDecisions']) {
    if (value[key] !== undefined) expect[key] = countsOf(value[key], DECISIONS, problems.at(key));
  }
  for (const key of ['promotions', 'maxPromotions']) {
    if (value[key] !== undefined) expect[key] = countsOf(value[key], PROMOTION_KINDS, problems.at(key));
  }
  for (const key of ['maxDatabaseOperations', 'dnsChanges', 'lostWrites', 'maxLostWrites', 'notificationCount', 'maxFailedReads', 'maxFailedWrites']) {
    if (value[key] !== undefined) expect[key] = problems.at(key).number(value[key], { min: 0, integer: true });
  }
  if (value.finalWriter !== undefined) expect.finalWriter = problems.at('finalWriter').oneOf(value.finalWriter, ROLES);
  if (value.finalWeights !== undefined) expect.finalWeights = parseWeights(value.finalWeights, problems.at('finalWeights'));
  if (value.notifications !== undefined) expect.notifications = parseNotificationMatchers(value.notifications, problems.at('notifications'));
  if (value.readinessCodes !== undefined) {
    const codes = problems.at('readinessCodes').array(value.readinessCodes, { minLength: 1 }) ?? [];
    expect.readinessCodes = codes.map((code, index) => problems.at('readinessCodes').at(index).string(code, { pattern: /^[A-Z][A-Za-z]+$/ }));
  }
  for (const key of ['maxRtoSeconds', 'maxServingRtoSeconds', 'maxWriteRtoSeconds']) {
    if (value[key] !== undefined) expect[key] = problems.at(key).number(value[key], { min: 0 });
  }
  return expect;
}

function parseExecutionExpectations(value, problems, executionIds) {
  if (!problems.object(value)) return {};
  const result = {};
  for (const [id, expectation] of Object.entries(value)) {
    const at = problems.at(id);
    if (!executionIds.has(id)) at.add(`no execution has id '${id}'`);
    if (!at.object(expectation)) continue;
    at.onlyKeys(expectation, ['status', 'decision', 'error', 'visited', 'notVisited']);
    const parsed = {};
    if (expectation.status !== undefined) parsed.status = at.at('status').oneOf(expectation.status, FINAL_STATUSES);
    if (expectation.decision !== undefined) parsed.decision = at.at('decision').oneOf(expectation.decision, DECISIONS);
    if (expectation.error !== undefined) parsed.error = at.at('error').string(expectation.error);
    for (const key of ['visited', 'notVisited']) {
      if (expectation[key] === undefined) continue;
      const names = at.at(key).array(expectation[key], { minLength: 1 }) ?? [];
      parsed[key] = names.map((name, index) => at.at(key).at(index).string(name));
    }
    result[id] = parsed;
  }
  return result;
}

function countsOf(value, allowed, problems) {
  if (!problems.object(value)) return {};
  const counts = {};
  for (const [key, count] of Object.entries(value)) {
    if (!allowed.includes(key)) problems.at(key).add(`must be one of ${allowed.join(', ')}`);
    else counts[key] = problems.at(key).number(count, { min: 0, integer: true });
  }
  return counts;
}

function parseWeights(value, problems) {
  if (!problems.object(value)) return {};
  problems.onlyKeys(value, ROLES);
  const weights = {};
  for (const role of ROLES) {
    weights[role] = problems.at(role).number(value[role], { min: 0, max: 255, integer: true });
  }
  return weights;
}

function parseNotificationMatchers(value, problems) {
  if (!problems.array(value)) return [];
  return value.map((matcher, index) => {
    const at = problems.at(index);
    if (!at.object(matcher)) return undefined;
    at.onlyKeys(matcher, ['severity', 'subjectIncludes', 'messageIncludes']);
    if (Object.keys(matcher).length === 0) at.add('must have severity, subjectIncludes or messageIncludes');
    const parsed = {};
    if (matcher.severity !== undefined) parsed.severity = at.at('severity').oneOf(matcher.severity, SEVERITIES);
    for (const key of ['subjectIncludes', 'messageIncludes']) {
      if (matcher[key] !== undefined) parsed[key] = at.at(key).string(matcher[key]);
    }
    return parsed;
  });
}
