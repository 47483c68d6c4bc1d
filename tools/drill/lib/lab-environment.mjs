// @ts-check
// The environment `make lab` writes for an operator: where the lab is, the operator's keys, the recovery Region,
// every DR_* variable of the deployed HealthValidator function and the state machines' ARNs.

/** `value` quoted for a POSIX shell. @param {string} value */
export function shellQuote(value) {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(value) && value.length > 0 ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The variables, by name. `stack`: the ScenarioDeployment; `operator`: its key pair; `baseUrl`: the lab's.
 * @param {{ stack: import('./drill-deployment.mjs').ScenarioDeployment, operator: import('./lab-world.mjs').Credentials, baseUrl: string, region: string }} parts
 * @returns {Record<string, string>}
 */
export function labEnvironment({ stack, operator, baseUrl, region }) {
  const validator = stack.deployment.functions.find((fn) => fn.logicalId === 'HealthValidatorFunction');
  const variables = Object.fromEntries(Object.entries(validator?.env ?? {}).filter(([name]) => name.startsWith('DR_')).sort(([a], [b]) => a.localeCompare(b)));
  return {
    AWS_ENDPOINT_URL: baseUrl,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: operator.accessKeyId,
    AWS_SECRET_ACCESS_KEY: operator.secretAccessKey,
    ...variables,
    DR_FAILOVER_STATE_MACHINE_ARN: stack.machine('failover').arn,
    DR_FAILBACK_STATE_MACHINE_ARN: stack.machine('failback').arn,
    DR_LAB_CONTROL_URL: new URL('/_lab', baseUrl).toString(),
  };
}

/** `export NAME=value` lines. @param {Record<string, string>} variables */
export function exportLines(variables) {
  return Object.entries(variables).map(([name, value]) => `export ${name}=${shellQuote(String(value))}\n`).join('');
}
