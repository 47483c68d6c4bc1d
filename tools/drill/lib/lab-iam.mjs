// @ts-check
// The lab's IAM decision for calls that do not cross the lab (contract C1, POST /_lab/iam/simulate): the state
// machine role's lambda:InvokeFunction, EventBridge's events:PutEvents to another Region's bus.
import { DrillSetupError } from './errors.mjs';

/**
 * @typedef {{ principal: string, action: string, resource: string, context?: Record<string, string[]> }} SimulateRequest
 * @typedef {{ decision: 'allowed' | 'explicitDeny' | 'implicitDeny', matchedStatement: string | null }} SimulateResult
 */

/** A cached simulator against the lab at `labUrl`. @param {string} labUrl @param {typeof fetch} [fetchImpl] */
export function labSimulator(labUrl, fetchImpl = fetch) {
  /** @type {Map<string, Promise<SimulateResult>>} */
  const cache = new Map();
  /** @param {SimulateRequest} request @returns {Promise<SimulateResult>} */
  return (request) => {
    const key = JSON.stringify(request);
    if (!cache.has(key)) cache.set(key, simulate(labUrl, request, fetchImpl));
    return /** @type {Promise<SimulateResult>} */ (cache.get(key));
  };
}

async function simulate(labUrl, request, fetchImpl) {
  const path = '/_lab/iam/simulate';
  let response;
  try {
    response = await fetchImpl(new URL(path, labUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  } catch (error) {
    throw new DrillSetupError(`the lab at ${labUrl} is unreachable (POST ${path}): ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  if (response.status === 404 || response.status === 405) throw new DrillSetupError(`the lab does not serve POST ${path} (contract C1, lab IAM); build the lab with IAM`);
  if (!response.ok) throw new DrillSetupError(`the lab refused POST ${path} ${JSON.stringify(request)}: ${response.status} ${text.slice(0, 500)}`);
  const result = JSON.parse(text);
  if (!['allowed', 'explicitDeny', 'implicitDeny'].includes(result.decision)) throw new DrillSetupError(`POST ${path} answered an unknown decision: ${text.slice(0, 200)}`);
  return result;
}
