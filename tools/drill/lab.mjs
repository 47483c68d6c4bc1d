#!/usr/bin/env node
// @ts-check
// `make lab`: the lab with the stack deployed. Starts the DR lab, deploys the templates as the drill does, hosts the
// functions in the Lambda emulator, and runs every execution started through the lab's StartExecution (by an
// operator, by drctl, by the deployed EventBridge rules when alarms fire) with the real ASL interpreter and the
// real functions. Writes the operator's environment, prints `lab ready`, and runs until SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AlarmRouter } from './lib/alarm-router.mjs';
import { AwsClient } from './lib/aws-client.mjs';
import { FUNCTION_NAMES, PROFILES, parseFunctions } from './lib/cli.mjs';
import { DrillDeployment } from './lib/drill-deployment.mjs';
import { EmulatorPool, dotnetCommand } from './lib/emulators.mjs';
import { DrillSetupError, DrillUsageError } from './lib/errors.mjs';
import { hostMachine } from './lib/execution-host.mjs';
import { LabClient } from './lib/lab-client.mjs';
import { exportLines, labEnvironment } from './lib/lab-environment.mjs';
import { LabExecutor } from './lib/lab-executor.mjs';
import { labSimulator } from './lib/lab-iam.mjs';
import { operatorCredentials, withOperatorRole } from './lib/lab-operator.mjs';
import { describeLab } from './lib/lab-world.mjs';
import { startService } from './lib/processes.mjs';
import { putRoles } from '../stack/lab-deploy.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST_RID = process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64';

export const USAGE = `Usage: lab [--profile fast|realistic] [--write-env PATH] [--logs DIR] [--quiet]
           [--lab-dll PATH] [--emulator-dll PATH] [--function NAME=BOOTSTRAP]... [--parameters FILE]

The DR lab with the stack deployed (scripts/lab.sh builds what it needs and calls this). Every execution
started through the lab's StartExecution runs with the deployed state machine and the real functions;
alarms that go into ALARM are routed through the deployed EventBridge rules. Prints the operator's
environment (export lines, also written to --write-env), then "lab ready"; runs until interrupted.

  --profile P           fast (the lab's world runs 30x faster) or realistic; default fast
  --write-env PATH      also write the export lines there (scripts/lab.sh's --env-file: node itself claims that name)
  --logs DIR            the lab's and the emulator's logs; default artifacts/lab
  --quiet               no progress lines (executions, routed alarms)
  --lab-dll PATH        the built lab (DrLambdas.DrLab.dll)
  --emulator-dll PATH   the built emulator (DrLambdas.LambdaEmulator.dll)
  --function NAME=PATH  a function's AOT bootstrap, for each of ${FUNCTION_NAMES.join(', ')}
  --parameters FILE     the lab parameter file of the template deployment (default tools/stack/lab-parameters.json)
`;

/** @param {string[]} argv */
export function parseLabCommandLine(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string' }, 'write-env': { type: 'string' }, logs: { type: 'string' }, quiet: { type: 'boolean' },
        'lab-dll': { type: 'string' }, 'emulator-dll': { type: 'string' }, function: { type: 'string', multiple: true },
        parameters: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new DrillUsageError(error.message);
  }
  const profile = values.profile ?? 'fast';
  if (!PROFILES.includes(profile)) throw new DrillUsageError(`--profile must be one of ${PROFILES.join(', ')}; got '${profile}'`);
  const bootstraps = parseFunctions(values.function ?? []);
  return {
    help: values.help ?? false,
    quiet: values.quiet ?? false,
    profile,
    envFile: values['write-env'],
    logs: resolve(values.logs ?? join(ROOT, 'artifacts/lab')),
    lab: resolve(values['lab-dll'] ?? join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll')),
    emulator: resolve(values['emulator-dll'] ?? join(ROOT, 'tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll')),
    bootstraps: Object.fromEntries(FUNCTION_NAMES.map((name) => [name, resolve(bootstraps[name] ?? join(ROOT, 'artifacts/functions', name, HOST_RID, 'bootstrap'))])),
    parameterFile: values.parameters,
  };
}

/** Starts everything; returns { environment, stop() }. @param {ReturnType<typeof parseLabCommandLine>} options @param {(line: string) => void} say */
export async function startLab(options, say) {
  const { command, args } = dotnetCommand(options.lab, ['--port', '0', '--profile', options.profile]);
  const labService = await startService('the DR lab', command, args, { logPath: join(options.logs, 'lab.log') });
  const emulators = new EmulatorPool({ emulatorProgram: options.emulator, bootstraps: options.bootstraps, workDirectory: options.logs });
  /** @type {Array<{ stop: () => Promise<void> }>} */
  const loops = [];
  const stop = async () => {
    for (const loop of loops) await loop.stop();
    await emulators.close();
    await labService.stop();
  };
  try {
    const lab = describeLab(labService.ready);
    const aws = new AwsClient({ endpoint: lab.baseUrl, credentials: lab.credentials });
    const labClient = new LabClient(lab.baseUrl);
    const observer = lab.regions.secondary;
    await labClient.setObserver(observer);
    const deployments = new DrillDeployment({
      root: ROOT, lab, admin: aws, parameterFile: options.parameterFile,
      deployRoles: (deployment, labUrl) => putRoles(withOperatorRole(deployment), labUrl),
    });
    const stack = await deployments.forScenario({ name: 'lab', configuration: {}, substitutions: {} }, observer);
    const emulator = await emulators.acquire(stack.functions(), observer);
    const simulate = labSimulator(lab.baseUrl);
    const allowed = async (principal, action, resource, region) =>
      (await simulate({ principal, action, resource, context: { 'aws:RequestedRegion': [region] } })).decision === 'allowed';
    const machines = { failover: hostMachine(stack, 'failover', { emulator, allowed }), failback: hostMachine(stack, 'failback', { emulator, allowed }) };
    const pollMs = Math.max(50, Math.min(1000, 3000 / lab.timeScale));
    const executor = new LabExecutor({
      aws, labClient, machines, timeScale: lab.timeScale, pollMs,
      onStarted: (execution) => say(`execution ${execution.name} (${execution.machine}) running`),
      onFinished: ({ execution, record, error }) => say(error
        ? `execution ${execution.name} could not run: ${/** @type {Error} */ (error).message ?? error}`
        : `execution ${execution.name} ${record.status}${record.error ? ` (${record.error})` : ''}${record.decision ? `, decision ${record.decision}` : ''}`),
      onError: (error) => say(`executor: ${/** @type {Error} */ (error).message ?? error}`),
    });
    const router = new AlarmRouter({
      stack, aws, allowed, pollMs,
      onRouted: ({ alarm, trace, started }) => say(`alarm ${alarm.name} (${alarm.region}) ALARM: ${trace.join('; ')}${started.length ? `; started ${started.map((s) => s.executionArn.split(':').at(-1)).join(', ')}` : ''}`),
      onError: (error) => say(`alarm routing: ${/** @type {Error} */ (error).message ?? error}`),
    });
    executor.start();
    router.start();
    loops.push(router, executor);
    const operator = operatorCredentials(stack, lab.credentials);
    say(`operator: ${operator.principal}`);
    return { environment: labEnvironment({ stack, operator: operator.credentials, baseUrl: lab.baseUrl, region: observer }), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** @param {string[]} argv */
export async function main(argv) {
  let options;
  try {
    options = parseLabCommandLine(argv);
  } catch (error) {
    if (!(error instanceof DrillUsageError)) throw error;
    process.stderr.write(`lab: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const say = options.quiet ? () => {} : (line) => process.stderr.write(`lab: ${line}\n`);
  let lab;
  try {
    lab = await startLab(options, say);
  } catch (error) {
    if (!(error instanceof DrillSetupError)) throw error;
    process.stderr.write(`lab: ${error.message}\n`);
    return 2;
  }
  const lines = exportLines(lab.environment);
  if (options.envFile) writeFileSync(options.envFile, lines, { mode: 0o600 });
  process.stdout.write(`${lines}lab ready\n`);
  // processes.mjs stops the lab and the emulator on SIGINT/SIGTERM; keep running until then.
  await new Promise(() => {});
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
