#!/usr/bin/env node
// @ts-check
// The template deployment on its own: `node tools/stack/deploy.mjs --help`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AwsClient } from '../drill/lib/aws-client.mjs';
import { EXACT_WALL_VARIABLES, WALL_VARIABLES } from '../drill/lib/vocabulary.mjs';
import { buildDeployment } from './deployment.mjs';
import { DeploymentError, TemplateError } from './errors.mjs';
import { DEFAULT_PARAMETER_FILE, labFactsFromReady } from './lab-parameters.mjs';
import { createHealthChecks, deployToLab } from './lab-deploy.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const USAGE = `usage: node tools/stack/deploy.mjs (--lab URL | --ready FILE) [options]

Resolves every template of the lab parameter file (SAM translation, intrinsics, conditions, rules) for a lab and
prints the deployment, or deploys it into the lab.

  --lab URL              a running lab: reads GET URL/_lab/config
  --ready FILE           a saved ready document instead (no deployment possible)
  --recovery-region R    the Region of the main stack (default: the lab's secondary Region)
  --parameters FILE      the lab parameter file (default: ${DEFAULT_PARAMETER_FILE})
  --set STACK.NAME=VALUE override a template parameter (model seconds), repeatable
  --scaled               scale the durations the functions compare with the clock to the lab's time profile, as the drill does
  --print                print the resolved deployment (the default)
  --full                 print the state machine definitions too
  --deploy               create the deployment in the lab (health checks, roles, alarms, topics, state machines) and print the role key pairs
                         (with --print: {deployed, credentials, deployment}, what a test harness needs to host the functions)
  --help
`;

/** @param {string[]} argv */
export async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      lab: { type: 'string' }, ready: { type: 'string' }, 'recovery-region': { type: 'string' }, parameters: { type: 'string' },
      set: { type: 'string', multiple: true }, scaled: { type: 'boolean' }, full: { type: 'boolean' }, deploy: { type: 'boolean' }, print: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help || (!values.lab && !values.ready)) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const ready = values.lab ? await (await fetch(new URL('/_lab/config', values.lab))).json() : JSON.parse(readFileSync(String(values.ready), 'utf8'));
  const lab = labFactsFromReady(ready, values['recovery-region']);
  /** @type {Record<string, Record<string, string>>} */
  const overrides = {};
  for (const assignment of values.set ?? []) {
    const match = /^([^.=]+)\.([^=]+)=(.*)$/.exec(assignment);
    if (!match) throw new DeploymentError(`--set expects STACK.NAME=VALUE, got ${assignment}`);
    (overrides[match[1]] ??= {})[match[2]] = match[3];
  }
  const clock = values.scaled ? { timeScale: lab.timeScale, wallVariables: WALL_VARIABLES, exactWallVariables: EXACT_WALL_VARIABLES } : undefined;
  let deployment = buildDeployment({ root: ROOT, lab, parameterFile: values.parameters, overrides, clock });
  const hidden = values.full ? [] : ['definitionText', 'definition'];
  if (values.deploy) {
    if (!values.lab) throw new DeploymentError('--deploy needs --lab URL');
    const aws = new AwsClient({ endpoint: values.lab, credentials: { accessKeyId: lab.env.AWS_ACCESS_KEY_ID, secretAccessKey: lab.env.AWS_SECRET_ACCESS_KEY } });
    if (deployment.healthChecks.length > 0) {
      // As CloudFormation does: create the health checks, then resolve their Refs (the functions' ids) with them.
      const physicalIds = await createHealthChecks(deployment, aws);
      deployment = buildDeployment({ root: ROOT, lab, parameterFile: values.parameters, overrides, clock, physicalIds });
    }
    const { credentials } = await deployToLab(deployment, { labUrl: values.lab, aws });
    const printed = values.print ? { deployed: true, credentials, deployment } : { deployed: true, credentials };
    process.stdout.write(`${JSON.stringify(printed, (key, value) => (hidden.includes(key) ? undefined : value), 2)}\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(deployment, (key, value) => (hidden.includes(key) ? undefined : value), 2)}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof TemplateError || error instanceof DeploymentError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')) throw error;
    process.stderr.write(`deploy: ${error.message}\n`);
    process.exitCode = 2;
  }
}
