// @ts-check
// The templates deployed into the lab for a drill (tools/stack), and what each scenario derives from them: the
// functions (environment, memory, timeout, role credentials), the state machines (definition, role), the alarms
// that stand for a Region's failure and the EventBridge rules that route their events.
import { buildDeployment } from '../../stack/deployment.mjs';
import { DeploymentError, TemplateError } from '../../stack/errors.mjs';
import { createHealthChecks, createResources, putRoles } from '../../stack/lab-deploy.mjs';
import { AwsClient } from './aws-client.mjs';
import { DrillSetupError } from './errors.mjs';
import { CONFIGURATION_VARIABLES, EXACT_WALL_VARIABLES, WALL_PARAMETERS, WALL_VARIABLES } from './vocabulary.mjs';

/**
 * @typedef {import('../../stack/deployment.mjs').Deployment} Deployment
 * @typedef {import('../../stack/deployment.mjs').DeployedFunction} DeployedFunction
 * @typedef {import('./lab-world.mjs').LabDescription} LabDescription
 * @typedef {import('./lab-world.mjs').Credentials} Credentials
 * @typedef {Record<string, Credentials>} RoleCredentials the lab's key pair of each deployed role, by role ARN
 *
 * A function as the emulator hosts it (ScenarioDeployment.functions).
 * @typedef {{ name: string, code: string, memorySize: number, timeout: number, region: string, env: Record<string, string> }} HostedFunction
 *
 * @typedef {object} DrillDeploymentOptions
 * @property {string} root @property {LabDescription} lab @property {AwsClient} admin @property {string} [parameterFile]
 * @property {typeof buildDeployment} [build]
 * @property {(deployment: Deployment, labUrl: string) => Promise<RoleCredentials>} [deployRoles]
 * @property {(deployment: Deployment, aws: any) => Promise<void>} [deployResources]
 * @property {(deployment: Deployment, aws: any) => Promise<Record<string, Record<string, string>>>} [deployHealthChecks]
 * @property {(stackName: string, template: any) => void} [edit]
 * @property {(credentials: Credentials) => AwsClient} [clientFactory]
 * @property {Record<string, string>} [presetParameters] the preset's template parameters (presets/NAME.json), given to
 *   every deployed template that declares them
 */

const MACHINE_LOGICAL_IDS = { failover: 'FailoverStateMachine', failback: 'FailbackStateMachine' };

/** The lab facts the parameter file reads. @param {LabDescription} lab @param {string} recoveryRegion */
export function labFacts(lab, recoveryRegion) {
  return {
    env: lab.env, accountId: lab.accountId, recoveryRegion, timeScale: lab.timeScale,
    witnessRegion: lab.witnessRegion ?? '', witnessEnv: lab.witness?.env ?? {},
  };
}

/**
 * Turns a scenario's settings into template parameter overrides (model seconds): `configuration` names function
 * variables (DR_*), each mapped to the parameter the template sets it from; `substitutions` name template
 * parameters directly. A name the templates do not wire is a DrillSetupError.
 * @param {any} scenario @param {any[]} stacks the deployment's stacks (variableParameters, parameters)
 */
export function scenarioOverrides(scenario, stacks) {
  /** @type {Record<string, Record<string, unknown>>} */
  const overrides = {};
  for (const [variable, value] of Object.entries(scenario.configuration ?? {})) {
    const stack = stacks.find((candidate) => variable in candidate.variableParameters);
    if (!stack) throw new DrillSetupError(`scenario ${scenario.name}: configuration ${variable} is not set from a template parameter by any deployed template`);
    (overrides[stack.name] ??= {})[stack.variableParameters[variable]] = value;
  }
  for (const [parameter, value] of Object.entries(scenario.substitutions ?? {})) {
    const stack = stacks.find((candidate) => parameter in candidate.parameters);
    if (!stack) throw new DrillSetupError(`scenario ${scenario.name}: substitutions.${parameter} is not a parameter of any deployed template`);
    (overrides[stack.name] ??= {})[parameter] = value;
  }
  return overrides;
}

/**
 * Every configuration variable the functions get, in model units (what the report compares against).
 * @param {import('../../stack/deployment.mjs').DeployedStack[]} stacks
 */
export function modelConfiguration(stacks) {
  /** @type {Record<string, number | string>} */
  const model = {};
  for (const variable of Object.keys(CONFIGURATION_VARIABLES)) {
    const stack = stacks.find((candidate) => variable in candidate.variableParameters);
    if (!stack) continue;
    const value = stack.modelParameters[stack.variableParameters[variable]];
    model[variable] = Array.isArray(value) ? value.join(',') : Number.isFinite(Number(value)) ? Number(value) : String(value);
  }
  return model;
}

/**
 * The health check id the deployed functions use for a Region role (created or adopted), else the lab's built-in one.
 * @param {Deployment} deployment @param {LabDescription} lab @param {'primary' | 'secondary'} role
 */
export function deployedHealthCheckId(deployment, lab, role) {
  const variable = `DR_${role.toUpperCase()}_HEALTH_CHECK_ID`;
  return deployment.functions.find((fn) => fn.env[variable])?.env[variable] ?? lab.env[variable];
}

/**
 * The deployed alarm that stands for a Region's failure: the alarm on Route 53's HealthCheckStatus of that Region's
 * health check (the one the deployment uses: created, or the lab's built-in one adopted).
 * @param {Deployment} deployment @param {LabDescription} lab @param {'primary' | 'secondary'} role
 */
export function healthCheckAlarm(deployment, lab, role) {
  const healthCheckId = deployedHealthCheckId(deployment, lab, role);
  return deployment.alarms.find((alarm) => alarm.properties.MetricName === 'HealthCheckStatus'
    && (alarm.properties.Dimensions ?? []).some((dimension) => dimension.Name === 'HealthCheckId' && dimension.Value === healthCheckId));
}

const RULE_ALARM = /ALARM\("([^"]+)"\)/g;

/**
 * The deployed composite probe alarm about a Region: the composite alarm whose rule names only metric alarms on the
 * probe metric of that Region (dimension Target), from at least two observers (template.yaml's PrimaryProbeAlarm).
 * @param {Deployment} deployment @param {LabDescription} lab @param {'primary' | 'secondary'} role
 */
export function probeAlarm(deployment, lab, role) {
  const region = lab.regions[role];
  const found = (deployment.compositeAlarms ?? []).find((composite) => {
    const children = [...String(composite.properties.AlarmRule ?? '').matchAll(RULE_ALARM)].map((match) => deployment.alarms.find((alarm) => alarm.name === match[1]));
    const observers = new Set(children.map((alarm) => alarm?.properties.Dimensions?.find((d) => d.Name === 'Observer')?.Value));
    return children.length >= 2 && observers.size >= 2
      && children.every((alarm) => alarm?.properties.MetricName === 'EndpointHealthy'
        && (alarm.properties.Dimensions ?? []).some((d) => d.Name === 'Target' && d.Value === region));
  });
  return found ? { ...found, composite: true } : undefined;
}

export class DrillDeployment {
  /**
   * `root`: the repository; `lab`: describeLab(); `admin`: an AwsClient with the lab's administrative identity;
   * `parameterFile`: optional; `build` / `deployRoles` / `deployResources`: injectable for tests; `edit(stackName,
   * template)`: changes a translated template before it is resolved (tests that break the wiring);
   * `clientFactory(credentials)`: the AWS client of a role (default: an AwsClient to the lab).
   * @param {DrillDeploymentOptions} options
   */
  constructor({
    root, lab, admin, parameterFile, build = buildDeployment, deployRoles = putRoles, deployResources = createResources,
    deployHealthChecks = createHealthChecks, edit, clientFactory, presetParameters = {},
  }) {
    this.presetParameters = presetParameters;
    this.deployHealthChecks = deployHealthChecks;
    this.edit = edit;
    this.clientFactory = clientFactory ?? ((credentials) => new AwsClient({ endpoint: lab.baseUrl, credentials }));
    this.root = root;
    this.lab = lab;
    this.admin = admin;
    this.parameterFile = parameterFile;
    this.build = build;
    this.deployRoles = deployRoles;
    this.deployResources = deployResources;
    /** @type {Map<string, { deployment: Deployment, credentials: RoleCredentials }>} */
    this.deployed = new Map();
    /** @type {Map<string, AwsClient>} */
    this.clients = new Map();
  }

  /**
   * Builds a deployment for the recovery Region with parameter overrides; template problems become DrillSetupErrors.
   * @param {string} recoveryRegion @param {Record<string, Record<string, unknown>>} [overrides]
   * @param {DrillDeploymentOptions['edit']} [edit]
   * @param {Record<string, Record<string, string>>} [physicalIds] the ids of the health checks created in the lab
   * @returns {Deployment}
   */
  resolve(recoveryRegion, overrides = {}, edit = this.edit, physicalIds = {}) {
    try {
      return this.build({
        root: this.root, lab: labFacts(this.lab, recoveryRegion), parameterFile: this.parameterFile, overrides,
        clock: { timeScale: this.lab.timeScale, wallVariables: WALL_VARIABLES, exactWallVariables: EXACT_WALL_VARIABLES, wallParameters: WALL_PARAMETERS }, edit, physicalIds,
        parameterOverrides: this.presetParameters,
      });
    } catch (error) {
      if (error instanceof TemplateError || error instanceof DeploymentError) throw new DrillSetupError(`template deployment: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /**
   * Resolves the deployment and, when it creates Route 53 health checks, creates them in the lab (idempotent) and
   * resolves it again with their ids, as CloudFormation resolves a Ref once the resource exists.
   * @param {string} recoveryRegion @param {Record<string, Record<string, unknown>>} [overrides] @returns {Promise<Deployment>}
   */
  async resolveCreated(recoveryRegion, overrides = {}) {
    const deployment = this.resolve(recoveryRegion, overrides);
    if (!deployment.healthChecks?.some((check) => check.id === null) && (deployment.pendingStacks ?? []).length === 0) return deployment;
    return this.resolve(recoveryRegion, overrides, this.edit, await this.deployHealthChecks(deployment, this.admin));
  }

  /**
   * The scenario's view of the deployment, after the lab was reset: the base deployment (roles once per recovery
   * Region; alarms, topics and machines again after every reset, all idempotent) and the scenario's own
   * re-resolution with its parameter overrides.
   * @param {any} scenario @param {string} recoveryRegion @returns {Promise<ScenarioDeployment>}
   */
  async forScenario(scenario, recoveryRegion) {
    let base = this.deployed.get(recoveryRegion);
    try {
      if (!base) {
        const deployment = await this.resolveCreated(recoveryRegion);
        const credentials = await this.deployRoles(deployment, this.lab.baseUrl);
        base = { deployment, credentials };
        this.deployed.clear();
        this.deployed.set(recoveryRegion, base);
      }
      await this.deployResources(base.deployment, this.admin);
    } catch (error) {
      if (error instanceof DeploymentError) throw new DrillSetupError(`template deployment: ${error.message}`, { cause: error });
      throw error;
    }
    const overrides = scenarioOverrides(scenario, base.deployment.stacks);
    let deployment = base.deployment;
    try {
      if (Object.keys(overrides).length > 0) deployment = await this.resolveCreated(recoveryRegion, overrides);
    } catch (error) {
      if (error instanceof DeploymentError) throw new DrillSetupError(`template deployment: ${error.message}`, { cause: error });
      throw error;
    }
    return new ScenarioDeployment({ deployment, credentials: base.credentials, lab: this.lab, clientFor: (roleArn) => this.clientFor(roleArn, base.credentials) });
  }

  /** An AwsClient signing with a deployed role's credentials. @param {string} roleArn @param {RoleCredentials} credentials */
  clientFor(roleArn, credentials) {
    const keys = credentials[roleArn];
    if (!keys) throw new DrillSetupError(`no lab credentials for the role ${roleArn}; is it in the deployment?`);
    const key = `${roleArn}/${keys.accessKeyId}`;
    if (!this.clients.has(key)) this.clients.set(key, this.clientFactory(keys));
    return /** @type {AwsClient} */ (this.clients.get(key));
  }
}

export class ScenarioDeployment {
  /**
   * @param {{ deployment: Deployment, credentials: RoleCredentials, lab: LabDescription, clientFor: (roleArn: string) => AwsClient }} parts
   */
  constructor({ deployment, credentials, lab, clientFor }) {
    this.deployment = deployment;
    this.credentials = credentials;
    this.lab = lab;
    this.clientFor = clientFor;
    this.model = modelConfiguration(deployment.stacks);
  }

  /**
   * The functions as the emulator hosts them: physical name, code (bootstrap) name, memory, timeout and the
   * environment: the template's variables, then the lab's endpoint, the function's role credentials and its Region.
   * A function deployed in the witness Region reaches the lab through the witness's own port (its network).
   * @returns {HostedFunction[]}
   */
  functions() {
    return this.deployment.functions.map((fn) => {
      const keys = this.credentials[fn.roleArn];
      if (!keys) throw new DrillSetupError(`the function ${fn.logicalId} runs as ${fn.roleArn}, which the lab gave no credentials`);
      const endpoint = this.lab.witness && fn.region === this.lab.witness.region ? this.lab.witness.baseUrl : this.lab.baseUrl;
      return {
        name: fn.name,
        code: fn.code,
        memorySize: fn.memorySize,
        timeout: fn.timeout,
        region: fn.region,
        env: {
          ...fn.env,
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: keys.accessKeyId,
          AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
          AWS_REGION: fn.region,
          AWS_DEFAULT_REGION: fn.region,
        },
      };
    });
  }

  /**
   * The probe alarms' shape (period in model seconds, N and M), read from the deployed alarms on the probe metric;
   * null without a witness (no probe alarm). Floors of the probe detection path need it.
   * @returns {{ periodSeconds: number, evaluationPeriods: number, datapointsToAlarm: number } | null}
   */
  probeAlarmSettings() {
    const alarm = this.deployment.alarms.find((candidate) => candidate.properties.MetricName === 'EndpointHealthy');
    if (!alarm) return null;
    const p = alarm.properties;
    const evaluationPeriods = Number(p.EvaluationPeriods);
    return { periodSeconds: Number(p.Period), evaluationPeriods, datapointsToAlarm: Number(p.DatapointsToAlarm ?? evaluationPeriods) };
  }

  /** A scenario's machine ('failover' | 'failback') as deployed: name, ARN, definition, role. @param {'failover' | 'failback'} kind */
  machine(kind) {
    const logicalId = MACHINE_LOGICAL_IDS[kind];
    const machine = this.deployment.stateMachines.find((candidate) => candidate.logicalId === logicalId);
    if (!machine) throw new DrillSetupError(`the deployment has no ${logicalId} (the ${kind} machine)`);
    return machine;
  }

  /**
   * The deployed alarm standing for a Region role's failure, or a DrillSetupError: `source` 'health-check' (Route 53's
   * HealthCheckStatus alarm, the default) or 'probes' (the composite probe alarm, deployed with a witness).
   * @param {'primary' | 'secondary'} role @param {'health-check' | 'probes'} [source]
   */
  alarmFor(role, source = 'health-check') {
    if (source === 'probes') {
      const composite = probeAlarm(this.deployment, this.lab, role);
      if (!composite) throw new DrillSetupError(`no deployed composite alarm combines two observers' probes of the ${role} Region (${this.lab.regions[role]}); the probe alarms exist only with a witness (preset fast)`);
      return composite;
    }
    const alarm = healthCheckAlarm(this.deployment, this.lab, role);
    if (!alarm) throw new DrillSetupError(`no deployed alarm watches the ${role} Region's Route 53 health check (${deployedHealthCheckId(this.deployment, this.lab, role)})`);
    return alarm;
  }

  /** Where an execution waiting for approval keeps its token (HealthValidator's DR_APPROVAL_PARAMETER_PREFIX). */
  approvalParameterPrefix() {
    const prefix = this.deployment.functions.find((fn) => fn.logicalId === 'HealthValidatorFunction')?.env.DR_APPROVAL_PARAMETER_PREFIX;
    if (!prefix) throw new DrillSetupError('the deployed HealthValidator has no DR_APPROVAL_PARAMETER_PREFIX: the template has no approval gate');
    return prefix;
  }
}
