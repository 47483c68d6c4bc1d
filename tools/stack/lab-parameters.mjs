// @ts-check
// The lab parameter file (lab-parameters.json): which template is deployed where, with which parameter values,
// read from the lab's ready document (`fromLab`) and from stacks deployed before (`fromOutput`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeploymentError } from './errors.mjs';

export const DEFAULT_PARAMETER_FILE = fileURLToPath(new URL('./lab-parameters.json', import.meta.url));

/**
 * What the parameter file reads from the lab.
 * @typedef {{ env: Record<string, string>, accountId: string, recoveryRegion: string, timeScale: number,
 *   witnessRegion?: string | null, witnessEnv?: Record<string, string> }} LabFacts
 * `witnessRegion` is the lab's witness Region (empty without one); `witnessEnv` what a function deployed there uses.
 * @typedef {{ name: string, stackName: string, template: string, region: unknown, parameters: Record<string, unknown>, when?: unknown }} StackSpec
 * @typedef {{ accountId: unknown, stacks: StackSpec[] }} ParameterFile
 */

/** Reads and checks the parameter file's shape. @returns {ParameterFile} */
export function readParameterFile(path = DEFAULT_PARAMETER_FILE) {
  let file;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DeploymentError(`cannot read the lab parameter file ${path}: ${error.message}`);
  }
  if (!Array.isArray(file?.stacks) || file.stacks.length === 0) throw new DeploymentError(`${path}: "stacks" must list the templates to deploy`);
  const names = new Set();
  for (const [index, stack] of file.stacks.entries()) {
    if (stack.when !== undefined && (stack.when === null || typeof stack.when !== 'object')) {
      throw new DeploymentError(`${path}: stacks[${index}].when must be {"fromLab": NAME} (the stack is deployed only when that value is not empty)`);
    }
    for (const field of ['name', 'stackName', 'template']) {
      if (typeof stack?.[field] !== 'string' || stack[field] === '') throw new DeploymentError(`${path}: stacks[${index}].${field} must be a non-empty string`);
    }
    if (names.has(stack.name)) throw new DeploymentError(`${path}: two stacks are named ${stack.name}`);
    names.add(stack.name);
    if (stack.parameters !== undefined && (typeof stack.parameters !== 'object' || Array.isArray(stack.parameters))) {
      throw new DeploymentError(`${path}: stacks[${index}].parameters must be an object`);
    }
  }
  return file;
}

/**
 * One value of the parameter file for the lab: a literal, `{ fromLab }`, `{ format }` (lab values as `${NAME}` in a
 * text) or `{ fromOutput: "stack.Output" }`.
 * @param {unknown} spec @param {LabFacts} lab @param {Record<string, Record<string, unknown>>} outputs @param {string} where
 */
export function labValue(spec, lab, outputs, where) {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return spec;
  const entry = /** @type {Record<string, any>} */ (spec);
  if (typeof entry.fromOutput === 'string') {
    const [stack, output] = entry.fromOutput.split('.');
    if (!(stack in outputs)) throw new DeploymentError(`${where}: ${entry.fromOutput} names stack ${stack}, which is not deployed before this one`);
    if (!(output in outputs[stack])) {
      throw new DeploymentError(`${where}: stack ${stack} has no output ${output} (its outputs: ${Object.keys(outputs[stack]).join(', ') || 'none'})`);
    }
    return outputs[stack][output];
  }
  /** @param {string} name */
  const fromLab = (name) => {
    if (name === 'recoveryRegion') return lab.recoveryRegion;
    if (name === 'accountId') return lab.accountId;
    if (name === 'witnessRegion') return lab.witnessRegion ?? '';
    if (name.startsWith('witness.')) {
      const variable = name.slice('witness.'.length);
      if (!(variable in (lab.witnessEnv ?? {}))) throw new DeploymentError(`${where}: the lab has no witness Region, or its witness has no ${variable}`);
      return /** @type {Record<string, string>} */ (lab.witnessEnv)[variable];
    }
    if (name in lab.env) return lab.env[name];
    throw new DeploymentError(`${where}: the lab's ready document has no ${name}`);
  };
  let value;
  if (typeof entry.format === 'string') value = entry.format.replace(/\$\{([^}]+)\}/g, (_, name) => String(fromLab(name)));
  else if (typeof entry.fromLab === 'string') value = fromLab(entry.fromLab);
  else throw new DeploymentError(`${where}: expected a literal, {"fromLab": NAME}, {"format": "\${NAME}…"} or {"fromOutput": "stack.Output"}, got ${JSON.stringify(spec)}`);
  if (entry.trimTrailingDot) value = String(value).replace(/\.$/, '');
  if (entry.modelSeconds) value = Math.round(Number(value) * lab.timeScale);
  return value;
}

/**
 * The lab facts of a ready document (`GET /_lab/config`) for a stack deployed in `recoveryRegion` (default: the
 * lab's secondary Region).
 * @param {{ env?: Record<string, string>, timeScale?: number, witnessRegion?: string, witness?: { env?: Record<string, string> } }} ready
 * @param {string} [recoveryRegion]
 * @returns {LabFacts}
 */
export function labFactsFromReady(ready, recoveryRegion) {
  const env = ready?.env ?? {};
  const arn = env.DR_PRIMARY_CLUSTER_ARN ?? env.DR_STATE_MACHINE_ARN;
  if (!arn || !(Number(ready?.timeScale) > 0)) throw new DeploymentError('the lab ready document lacks env.DR_PRIMARY_CLUSTER_ARN or timeScale');
  return {
    env, accountId: arn.split(':')[4], recoveryRegion: recoveryRegion ?? env.DR_SECONDARY_REGION, timeScale: Number(ready.timeScale),
    witnessRegion: ready.witnessRegion ?? '', witnessEnv: ready.witness?.env ?? {},
  };
}
