// @ts-check
// The documented operation after deploying template.yaml in create mode (docs/deploy.md §2a): DnsUpdater's
// `associate`, invoked as an operator would (`aws lambda invoke … '{"operation":"associate"}'`), puts the health
// checks the stack created on the weighted records, weights untouched. The drill runs it once the lab is reset
// (a reset restores the lab's records with its built-in checks) and before the scenario's steps.
import { DrillSetupError } from './errors.mjs';
import { invokeFunction } from './lambda-task.mjs';

/** The `requestedBy` the drill's associate names in its change batch comment. */
export const ASSOCIATE_REQUESTED_BY = 'drill set-up (docs/deploy.md: associate after deploying)';

/**
 * Runs `associate` when the deployment created Route 53 health checks; returns its change ids (empty when it changed
 * nothing or when nothing was created). A failed invocation is a DrillSetupError: the scenario cannot run on records
 * that do not carry the deployed checks.
 * @param {{ emulatorUrl: string, deployment: import('../../stack/deployment.mjs').Deployment, invoke?: typeof invokeFunction }} options
 * @returns {Promise<{ changeIds: string[], changed: { setIdentifier: string, from: string | null, to: string }[], unchanged: number } | null>}
 */
export async function associateCreatedHealthChecks({ emulatorUrl, deployment, invoke = invokeFunction }) {
  if ((deployment.healthChecks ?? []).length === 0) return null;
  const dns = deployment.functions.find((fn) => fn.code === 'DnsUpdater');
  if (!dns) throw new DrillSetupError('the deployment creates health checks but has no DnsUpdater function to run associate');
  const invocation = await invoke(emulatorUrl, dns.name, { operation: 'associate', requestedBy: ASSOCIATE_REQUESTED_BY });
  if (!invocation.ok) {
    const error = /** @type {any} */ (invocation).error;
    throw new DrillSetupError(`DnsUpdater associate failed: ${error?.name ?? 'error'}: ${error?.message ?? JSON.stringify(invocation)}`);
  }
  const result = /** @type {any} */ (invocation).result;
  const expected = new Set(deployment.healthChecks.map((check) => check.id));
  const carried = (result.changed ?? []).map((change) => change.to);
  if (carried.some((id) => !expected.has(id))) {
    throw new DrillSetupError(`DnsUpdater associate put ${carried.join(', ')} on the records, not the created checks ${[...expected].join(', ')}`);
  }
  return { changeIds: result.changeIds ?? [], changed: result.changed ?? [], unchanged: result.unchanged ?? 0 };
}
