// @ts-check
// The deployment of every template in the lab parameter file: each stack translated (SAM), resolved for the lab's
// parameter values, and reduced to what the lab and the drill act on — functions, roles, state machines (their
// definitions with DefinitionSubstitutions applied, as Step Functions stores them), topics, alarms, rules.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeploymentError, TemplateError } from './errors.mjs';
import { DEFAULT_PARAMETER_FILE, labValue, readParameterFile } from './lab-parameters.mjs';
import { intrinsicName, parameterValues, resolveTemplate } from './resolve.mjs';
import { RESOURCE_TYPES, isPendingHealthCheckId, pendingHealthCheckId } from './resource-types.mjs';
import { loadTemplate } from './template-loader.mjs';

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/**
 * Whole wall-clock seconds for a modelled duration, at least one unless zero: the rounding the lab applies to
 * the variables it sets, since the functions read integer seconds.
 * @param {number} modelSeconds @param {number} timeScale
 */
export function toWallSeconds(modelSeconds, timeScale) {
  return modelSeconds === 0 ? 0 : Math.max(1, Math.round(modelSeconds / timeScale));
}

/**
 * Applies DefinitionSubstitutions as Step Functions does at deployment: every `${Name}` is replaced by its value;
 * a placeholder without a substitution is an error (the definition would be invalid).
 * @param {string} text @param {Record<string, unknown>} substitutions @param {string} source
 */
export function applySubstitutions(text, substitutions, source) {
  const missing = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].filter((name) => !(name in substitutions));
  if (missing.length > 0) throw new DeploymentError(`${source}: no DefinitionSubstitutions value for ${missing.join(', ')}`);
  return text.replace(PLACEHOLDER, (_, name) => String(substitutions[name]));
}

/** Which parameter each function variable is set from (`NAME: !Ref Parameter`, or a joined list parameter), over every function of a template. */
export function variableParameters(template) {
  /** @type {Record<string, string>} */
  const map = {};
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    for (const [variable, value] of Object.entries(resource.Properties?.Environment?.Variables ?? {})) {
      if (intrinsicName(value) === 'Ref' && value.Ref in (template.Parameters ?? {})) map[variable] = value.Ref;
      // A list parameter joined with commas (`!Join [",", !Ref List]`) is set from that parameter too.
      const joined = intrinsicName(value) === 'Fn::Join' ? value['Fn::Join'] : undefined;
      if (joined?.[0] === ',' && intrinsicName(joined[1]) === 'Ref' && template.Parameters?.[joined[1].Ref]?.Type === 'CommaDelimitedList') map[variable] = joined[1].Ref;
    }
  }
  return map;
}

/**
 * @typedef {import('./lab-parameters.mjs').LabFacts} LabFacts
 * @typedef {{ timeScale: number, wallVariables: string[], exactWallVariables?: string[], wallParameters?: string[] }} Clock
 * `wallVariables` are scaled to whole wall-clock seconds (the functions read integers); `exactWallVariables` are
 * divided by the time scale without rounding (the functions read decimal seconds: the probe's interval, duration
 * and window, which whole seconds would stretch 30-fold in the fast profile); `wallParameters` are template
 * parameters scaled like `wallVariables` (a state's TimeoutSeconds).
 * @typedef {{
 *   root: string, lab: LabFacts, parameterFile?: string,
 *   overrides?: Record<string, Record<string, unknown>>, clock?: Clock, parameterOverrides?: Record<string, unknown>,
 *   edit?: (stackName: string, template: any) => void,
 *   physicalIds?: Record<string, Record<string, string>>,
 * }} BuildOptions
 * `parameterOverrides`: template parameters by name (a preset's parameter file), given to every deployed stack whose
 * template declares the parameter (the witness probes at the main stack's interval); a name no deployed template
 * declares is a DeploymentError. `overrides` (per stack) win over them.
 * `physicalIds`: per stack (the parameter file's name), the ids Route 53 assigned to its health checks
 * (createHealthChecks in lab-deploy.mjs); without them a health check's Ref is a pending marker.
 */

/**
 * One template as deployed: its parameters as resolved for the lab (`parameters`, wall-clock stand-ins included),
 * in model units (`modelParameters`), and which parameter sets each function variable (`variableParameters`).
 * @typedef {object} DeployedStack
 * @property {string} name the parameter file's name of the stack
 * @property {string} stackName
 * @property {string} region
 * @property {string} template the template's path, relative to the repository
 * @property {Record<string, unknown>} parameters
 * @property {Record<string, unknown>} modelParameters
 * @property {Record<string, string>} variableParameters
 * @property {Record<string, unknown>} outputs
 */

/**
 * @typedef {object} DeployedFunction
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {string} roleArn
 * @property {string} code the bootstrap's name (the logical id without `Function`)
 * @property {Record<string, string>} env the template's Environment.Variables
 * @property {number} memorySize @property {number} timeout
 */

/**
 * @typedef {object} DeployedRole
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} arn
 * @property {string[]} trustedServices
 * @property {{ name: string, document: any }[]} policies
 */

/**
 * A state machine with its definition as Step Functions stores it (substitutions applied).
 * @typedef {object} DeployedStateMachine
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {string} roleArn @property {string} type
 * @property {string | undefined} definitionPath @property {Record<string, string>} substitutions
 * @property {string} definitionText @property {any} definition
 */

/**
 * @typedef {object} DeployedTopic
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {Record<string, string>} attributes
 */

/**
 * A subscription to a topic (an e-mail subscription needs its owner's confirmation).
 * @typedef {object} DeployedSubscription
 * @property {string} stack @property {string} logicalId @property {string} region
 * @property {string} topicArn @property {string} protocol @property {string} endpoint
 */

/**
 * A CloudWatch alarm; `properties` are the resolved AWS::CloudWatch::Alarm properties.
 * @typedef {object} DeployedAlarm
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {Record<string, any>} properties
 */

/**
 * An EventBridge rule with its pattern as written.
 * @typedef {object} DeployedRule
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {string} state @property {string} eventBusName
 * @property {any} eventPattern @property {string | undefined} scheduleExpression
 * @property {{ id: string, arn: string, roleArn?: string, input?: string, inputPath?: string }[]} targets
 */

/**
 * A CloudWatch dashboard with its body parsed (CloudFormation passes DashboardBody to PutDashboard, which refuses a
 * body that is not a JSON object with a widgets array).
 * @typedef {object} DeployedDashboard
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {{ widgets: any[] }} body
 */

/**
 * An EventBridge Scheduler schedule and its one templated target (a function's Invoke, a state machine's StartExecution)
 * with its `input`, called as `roleArn`.
 * @typedef {object} DeployedSchedule
 * @property {string} stack @property {string} logicalId @property {string} name @property {string} region
 * @property {string} arn @property {string} state @property {string} scheduleExpression
 * @property {string | undefined} timezone @property {string} flexibleTimeWindow
 * @property {{ arn: string, roleArn: string, input: string | undefined }} target
 */

/**
 * Every template of the parameter file, resolved: what the lab and the drill act on.
 * @typedef {object} Deployment
 * @property {string} accountId
 * @property {string} recoveryRegion
 * @property {DeployedStack[]} stacks
 * @property {DeployedFunction[]} functions
 * @property {DeployedRole[]} roles
 * @property {{ stack: string, logicalId: string, name: string, arn: string, document: any }[]} managedPolicies
 * @property {DeployedStateMachine[]} stateMachines
 * @property {DeployedTopic[]} topics
 * @property {DeployedSubscription[]} subscriptions
 * @property {DeployedAlarm[]} alarms
 * @property {DeployedAlarm[]} compositeAlarms AWS::CloudWatch::CompositeAlarm, `properties` resolved (AlarmRule…)
 * @property {DeployedRule[]} rules
 * @property {DeployedSchedule[]} schedules EventBridge Scheduler schedules (the drill runs them: probe-schedule.mjs)
 * @property {DeployedHealthCheck[]} healthChecks
 * @property {DeployedDashboard[]} dashboards
 * @property {{ name: string, parameters: string[] }[]} pendingStacks stacks not resolved yet: a parameter takes the id of a
 * health check not created yet (resolve again with `physicalIds`)
 */

/**
 * A Route 53 health check: `config` is the resolved HealthCheckConfig; `callerReference` is unique per stack, logical
 * id and settings (a change of settings is a replacement: a new check, as CloudFormation does); `id` is the assigned
 * id, or null until it exists.
 * @typedef {object} DeployedHealthCheck
 * @property {string} stack @property {string} logicalId @property {string} callerReference
 * @property {Record<string, any>} config @property {string | null} id
 */

/**
 * Builds the deployment (see the module comment). Throws TemplateError / DeploymentError.
 * @param {BuildOptions} options @returns {Deployment}
 */
export function buildDeployment({ root, lab, parameterFile = DEFAULT_PARAMETER_FILE, overrides = {}, clock, edit, physicalIds = {}, parameterOverrides = {} }) {
  const file = readParameterFile(parameterFile);
  const accountId = String(labValue(file.accountId ?? { fromLab: 'accountId' }, lab, {}, 'accountId'));
  for (const name of Object.keys(overrides)) {
    if (!file.stacks.some((stack) => stack.name === name)) throw new DeploymentError(`overrides name stack ${name}, which the parameter file does not deploy`);
  }
  /** @type {Record<string, Record<string, unknown>>} */
  const outputs = {};
  const claimed = new Set();
  /** @type {Deployment} */
  const deployment = {
    accountId, recoveryRegion: lab.recoveryRegion, stacks: [], functions: [], roles: [], managedPolicies: [], stateMachines: [], topics: [], subscriptions: [],
    alarms: [], compositeAlarms: [], rules: [], schedules: [], healthChecks: [], dashboards: [], pendingStacks: [],
  };
  for (const spec of file.stacks) {
    const where = `stack ${spec.name}`;
    if (spec.when !== undefined && !labValue(spec.when, lab, outputs, `${where}.when`)) continue;
    const region = String(labValue(spec.region, lab, outputs, `${where}.region`));
    const { template, directory } = loadTemplate(join(root, spec.template), region);
    edit?.(spec.name, template);
    /** @type {Record<string, unknown>} */
    const given = {};
    for (const [name, value] of Object.entries(spec.parameters ?? {})) given[name] = labValue(value, lab, outputs, `${where}.parameters.${name}`);
    for (const [name, value] of Object.entries(parameterOverrides)) {
      if (name in (template.Parameters ?? {})) {
        given[name] = value;
        claimed.add(name);
      }
    }
    Object.assign(given, overrides[spec.name] ?? {});
    // A stack that takes a health check id from an earlier stack waits for the check to exist, as CloudFormation waits
    // for the resource behind an export: the deployment is resolved again once the checks are created.
    const waiting = Object.keys(given).filter((name) => isPendingHealthCheckId(given[name]));
    if (waiting.length > 0) {
      deployment.pendingStacks.push({ name: spec.name, parameters: waiting });
      continue;
    }
    const variables = variableParameters(template);
    const model = parameterValues(template.Parameters ?? {}, given);
    // Constraints hold for the model values (checked above); the lab's scaled stand-ins may fall below a MinValue.
    const labParameters = { ...given };
    const scaled = [];
    const wallParameters = [...(clock?.wallVariables ?? []).map((variable) => variables[variable]), ...(clock?.wallParameters ?? [])];
    for (const parameter of new Set(wallParameters)) {
      if (parameter === undefined || !(parameter in (template.Parameters ?? {}))) continue;
      labParameters[parameter] = toWallSeconds(Number(model[parameter]), /** @type {Clock} */ (clock).timeScale);
      scaled.push(parameter);
    }
    for (const variable of clock?.exactWallVariables ?? []) {
      const parameter = variables[variable];
      if (parameter === undefined) continue;
      labParameters[parameter] = Number(model[parameter]) / /** @type {Clock} */ (clock).timeScale;
      scaled.push(parameter);
    }
    const resolved = resolveTemplate(template, {
      parameters: labParameters, uncheckedParameters: scaled, region, accountId, stackName: spec.stackName, physicalIds: physicalIds[spec.name] ?? {},
    });
    outputs[spec.name] = resolved.outputs;
    deployment.stacks.push({ name: spec.name, stackName: spec.stackName, region, template: spec.template, parameters: resolved.parameters, modelParameters: model, variableParameters: variables, outputs: resolved.outputs });
    collect(deployment, spec.name, resolved, template, directory, root);
  }
  const unclaimed = Object.keys(parameterOverrides).filter((name) => !claimed.has(name));
  if (unclaimed.length > 0) throw new DeploymentError(`parameters ${unclaimed.join(', ')} are not declared by any deployed template (${deployment.stacks.map((stack) => stack.template).join(', ')})`);
  return deployment;
}

/**
 * Adds a resolved stack's resources to the deployment, refusing resource types the lab deployment does not model.
 * @param {Deployment} deployment @param {string} stack
 */
function collect(deployment, stack, resolved, template, directory, root) {
  const { region } = resolved;
  for (const resource of Object.values(resolved.resources)) {
    const { logicalId, type, name, properties: p } = resource;
    const where = `stack ${stack} ${logicalId}`;
    if (!(type in RESOURCE_TYPES)) throw new TemplateError(`resource type ${type} is not modelled by the lab deployment`, `${where}`);
    switch (type) {
      case 'AWS::Lambda::Function':
        deployment.functions.push({
          stack, logicalId, name, region, arn: resource.attribute('Arn'), roleArn: p.Role,
          code: functionCode(root, logicalId),
          env: Object.fromEntries(Object.entries(p.Environment?.Variables ?? {}).map(([key, value]) => [key, stringValue(value, `${where} Environment.Variables.${key}`)])),
          memorySize: Number(p.MemorySize ?? 128),
          timeout: Number(p.Timeout ?? 3),
        });
        break;
      case 'AWS::IAM::Role':
        if ((p.ManagedPolicyArns ?? []).length > 0) throw new DeploymentError(`${where}: ManagedPolicyArns are not modelled by the lab (write the statements inline)`);
        deployment.roles.push({
          stack, logicalId, name, arn: resource.attribute('Arn'),
          trustedServices: trustedServices(p.AssumeRolePolicyDocument),
          policies: (p.Policies ?? []).map((policy) => ({ name: policy.PolicyName, document: policy.PolicyDocument })),
        });
        break;
      case 'AWS::IAM::ManagedPolicy':
        // Attached to no deployed role: the operators' principal (drctl) gets it; the lab models it as a role's policy.
        deployment.managedPolicies.push({ stack, logicalId, name, arn: resource.ref, document: p.PolicyDocument });
        break;
      case 'AWS::StepFunctions::StateMachine':
        deployment.stateMachines.push(stateMachine(stack, resource, template, directory, region));
        break;
      case 'AWS::SNS::Topic':
        deployment.topics.push({
          stack, logicalId, name, region, arn: resource.ref,
          attributes: Object.fromEntries(['DisplayName', 'KmsMasterKeyId', 'FifoTopic', 'ContentBasedDeduplication'].filter((key) => p[key] !== undefined).map((key) => [key, String(p[key])])),
        });
        break;
      case 'AWS::SNS::Subscription':
        deployment.subscriptions.push({ stack, logicalId, region, topicArn: p.TopicArn, protocol: p.Protocol, endpoint: p.Endpoint });
        break;
      case 'AWS::CloudWatch::Alarm':
        deployment.alarms.push({ stack, logicalId, name, region, arn: resource.attribute('Arn'), properties: p });
        break;
      case 'AWS::CloudWatch::CompositeAlarm':
        deployment.compositeAlarms.push({ stack, logicalId, name, region, arn: resource.attribute('Arn'), properties: p });
        break;
      case 'AWS::Scheduler::Schedule':
        deployment.schedules.push({
          stack, logicalId, name, region, arn: resource.attribute('Arn'),
          state: p.State ?? 'ENABLED',
          scheduleExpression: p.ScheduleExpression,
          timezone: p.ScheduleExpressionTimezone,
          flexibleTimeWindow: p.FlexibleTimeWindow?.Mode ?? 'OFF',
          target: { arn: p.Target?.Arn, roleArn: p.Target?.RoleArn, input: p.Target?.Input },
        });
        break;
      case 'AWS::Events::Rule':
        deployment.rules.push({
          stack, logicalId, name, region, arn: resource.attribute('Arn'),
          state: p.State ?? 'ENABLED',
          eventBusName: p.EventBusName ?? 'default',
          eventPattern: p.EventPattern,
          scheduleExpression: p.ScheduleExpression,
          targets: (p.Targets ?? []).map((target) => ({ id: target.Id, arn: target.Arn, roleArn: target.RoleArn, input: target.Input, inputPath: target.InputPath })),
        });
        break;
      case 'AWS::Route53::HealthCheck':
        deployment.healthChecks.push({
          stack, logicalId, config: p.HealthCheckConfig,
          callerReference: healthCheckCallerReference(resolved.stackName, logicalId, p.HealthCheckConfig),
          id: resource.ref === pendingHealthCheckId(logicalId) ? null : resource.ref,
        });
        break;
      case 'AWS::CloudWatch::Dashboard':
        deployment.dashboards.push({ stack, logicalId, name, region, body: dashboardBody(p.DashboardBody, where) });
        break;
      default:
        break;
    }
  }
}

const MAKEFILE_BUILD = /^build-([A-Za-z0-9]+):\s*\n\t[^\n]*--function\s+([A-Za-z0-9]+)/gm;
/** @type {Map<string, Record<string, string>>} */
const makefileCodes = new Map();

/**
 * The code a function runs, by the bootstrap's name: what SAM's makefile build (`BuildMethod: makefile`) publishes
 * for it — the repository Makefile's `build-<LogicalId>` target and its `--function NAME` (ProbeFunction runs
 * HealthValidator's binary) — else the logical id without `Function`.
 * @param {string} root @param {string} logicalId
 */
export function functionCode(root, logicalId) {
  if (!makefileCodes.has(root)) {
    let text = '';
    try {
      text = readFileSync(join(root, 'Makefile'), 'utf8');
    } catch {
      text = '';
    }
    makefileCodes.set(root, Object.fromEntries([...text.matchAll(MAKEFILE_BUILD)].map((match) => [match[1], match[2]])));
  }
  return /** @type {Record<string, string>} */ (makefileCodes.get(root))[logicalId] ?? logicalId.replace(/Function$/, '');
}

/**
 * A dashboard's body as PutDashboard reads it: a JSON object with a `widgets` array, each widget with a type and
 * properties (PutDashboard answers InvalidParameterInput otherwise).
 * @param {unknown} text @param {string} where
 */
export function dashboardBody(text, where) {
  let body;
  try {
    body = JSON.parse(String(text));
  } catch (error) {
    throw new DeploymentError(`${where}: DashboardBody is not JSON: ${error.message}`);
  }
  if (!Array.isArray(body?.widgets)) throw new DeploymentError(`${where}: DashboardBody needs a widgets array`);
  body.widgets.forEach((widget, index) => {
    if (typeof widget?.type !== 'string' || typeof widget?.properties !== 'object') {
      throw new DeploymentError(`${where}: widget ${index} needs a type and properties`);
    }
  });
  return body;
}

/**
 * CloudFormation's CallerReference for a health check is its own; the lab's names the stack and logical id and a
 * digest of the settings, so a new RequestInterval creates a new check (Route 53 cannot change it in place) and the
 * same settings find the existing one (CreateHealthCheck's idempotency). At most 64 characters, as Route 53 requires.
 * @param {string} stackName @param {string} logicalId @param {any} config
 */
export function healthCheckCallerReference(stackName, logicalId, config) {
  const digest = createHash('sha256').update(JSON.stringify(config ?? {})).digest('hex').slice(0, 12);
  return `${stackName}-${logicalId}`.slice(0, 64 - digest.length - 1) + `-${digest}`;
}

/** @param {unknown} value @param {string} where */
function stringValue(value, where) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DeploymentError(`${where}: an environment variable must be a string, got ${JSON.stringify(value)}`);
}

/** The AWS services a role's trust policy lets assume it (Principal.Service of Allow statements). */
function trustedServices(document) {
  const statements = [document?.Statement ?? []].flat();
  return statements
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Principal?.Service ?? []].flat());
}

/**
 * A state machine with its definition as Step Functions stores it: the local ASL file, substitutions applied.
 * @param {string} stack @returns {DeployedStateMachine}
 */
function stateMachine(stack, resource, template, directory, region) {
  const p = resource.properties;
  const where = `stack ${stack} ${resource.logicalId}`;
  let text;
  let definitionPath;
  if (p.DefinitionS3Location) {
    const local = template.DrLambdasLocalArtifacts?.[p.DefinitionS3Location.Key];
    if (!local) throw new DeploymentError(`${where}: DefinitionS3Location s3://${p.DefinitionS3Location.Bucket}/${p.DefinitionS3Location.Key} is not a local file of the template`);
    definitionPath = resolve(directory, local);
    try {
      text = readFileSync(definitionPath, 'utf8');
    } catch (error) {
      throw new DeploymentError(`${where}: cannot read ${definitionPath}: ${error.message}`);
    }
  } else if (typeof p.DefinitionString === 'string') {
    text = p.DefinitionString;
  } else if (p.Definition !== undefined) {
    text = JSON.stringify(p.Definition);
  } else {
    throw new DeploymentError(`${where}: no Definition, DefinitionString or DefinitionS3Location`);
  }
  const substitutions = Object.fromEntries(Object.entries(p.DefinitionSubstitutions ?? {}).map(([key, value]) => [key, stringValue(value, `${where} DefinitionSubstitutions.${key}`)]));
  const definitionText = applySubstitutions(text, substitutions, definitionPath ?? where);
  let definition;
  try {
    definition = JSON.parse(definitionText);
  } catch (error) {
    throw new DeploymentError(`${where}: the definition is not JSON after substitution: ${error.message}`);
  }
  return {
    stack, logicalId: resource.logicalId, name: resource.name, region, arn: resource.ref,
    roleArn: p.RoleArn, type: p.StateMachineType ?? 'STANDARD', definitionPath, substitutions, definitionText, definition,
  };
}
