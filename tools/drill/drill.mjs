#!/usr/bin/env node
// @ts-check
// The drill runner: `node tools/drill/drill.mjs --help`. Starts the DR lab and the Lambda emulator, runs each
// scenario's executions of the real state machines against them, and reports RTO, data loss and expectations.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCiCounts, runSummary, writeScenarioArtifacts, writeSummary } from './lib/artifacts.mjs';
import { AwsClient } from './lib/aws-client.mjs';
import { FUNCTION_NAMES, USAGE, parseCommandLine } from './lib/cli.mjs';
import { DrillDeployment } from './lib/drill-deployment.mjs';
import { EmulatorPool, dotnetCommand } from './lib/emulators.mjs';
import { DrillSetupError, DrillUsageError, ScenarioError } from './lib/errors.mjs';
import { LabClient, LabRequestError } from './lib/lab-client.mjs';
import { labSimulator } from './lib/lab-iam.mjs';
import { describeLab } from './lib/lab-world.mjs';
import { startService } from './lib/processes.mjs';
import { groupByPreset, loadPreset } from './lib/presets.mjs';
import { Progress } from './lib/progress.mjs';
import { buildReport, failedReport } from './lib/report.mjs';
import { selectScenarios } from './lib/scenario-loader.mjs';
import { runScenario } from './lib/scenario-runner.mjs';
import { renderReport, renderSummary } from './lib/text-report.mjs';
import { floorProblems } from './lib/user-rto.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXIT_FAILED = 1;
const EXIT_UNUSABLE = 2;

const HOST_RID = process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64';

/** The built lab, emulator and bootstraps (scripts/drill.sh builds them and passes their paths). */
function buildOutputs(options) {
  const bootstraps = Object.fromEntries(FUNCTION_NAMES.map((name) => [
    name, resolve(options.bootstraps[name] ?? join(ROOT, 'artifacts', 'functions', name, HOST_RID, 'bootstrap')),
  ]));
  const outputs = {
    lab: resolve(options.labDll ?? join(ROOT, 'tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll')),
    emulator: resolve(options.emulatorDll ?? join(ROOT, 'tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll')),
    bootstraps,
  };
  const missing = [['the lab', outputs.lab], ['the emulator', outputs.emulator], ...Object.entries(bootstraps)].filter(([, path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new DrillSetupError(`not built: ${missing.map(([what, path]) => `${what} (${path})`).join(', ')}; run scripts/drill.sh, which builds them`);
  }
  return outputs;
}

/** --readiness: the scenario starts with a readiness report, once both health-check alarms have their first data. */
function withReadinessReport(scenario) {
  const steps = [
    { do: 'waitForAlarm', region: 'primary', state: 'OK', timeoutSeconds: 900 },
    { do: 'waitForAlarm', region: 'secondary', state: 'OK', timeoutSeconds: 900 },
    { do: 'readiness' },
  ];
  return { ...scenario, steps: [...steps, ...scenario.steps] };
}

async function runAll(scenarios, options, progress) {
  const outputs = buildOutputs(options);
  const artifacts = resolve(options.artifactsDirectory);
  const emulators = new EmulatorPool({ emulatorProgram: outputs.emulator, bootstraps: outputs.bootstraps, workDirectory: join(artifacts, 'logs') });
  const reports = [];
  let index = 0;
  try {
    // One lab per preset: its world (health-check interval, TTL, witness Region) must match the deployment.
    for (const [name, group] of groupByPreset(scenarios, options.preset)) {
      const preset = loadPreset(ROOT, name);
      const { command, args } = dotnetCommand(outputs.lab, ['--port', '0', '--profile', options.profile, ...preset.labArguments]);
      const labService = await startService('the DR lab', command, args, { logPath: join(artifacts, 'logs', `lab-${name}.log`) });
      try {
        const lab = describeLab(labService.ready);
        const aws = new AwsClient({ endpoint: lab.baseUrl, credentials: lab.credentials });
        const context = {
          lab,
          labClient: new LabClient(lab.baseUrl),
          aws,
          emulators,
          deployments: new DrillDeployment({ root: ROOT, lab, admin: aws, parameterFile: options.parameterFile, presetParameters: preset.parameters }),
          simulate: labSimulator(lab.baseUrl),
          progress,
        };
        for (const original of group) {
          const scenario = { ...original, preset: name };
          index += 1;
          progress.beginScenario(scenario, index, scenarios.length, options.profile);
          let report;
          try {
            report = buildReport(await runScenario(scenario, context), lab);
          } catch (error) {
            if (!(error instanceof DrillSetupError || error instanceof LabRequestError)) throw error;
            report = failedReport(scenario, options.profile, error);
          }
          const files = report.executions ? writeScenarioArtifacts(artifacts, report) : {};
          process.stdout.write(`${renderReport(report)}Report: ${files.json}\nTimeline: ${files.svg}\n`);
          reports.push(report);
        }
      } finally {
        await emulators.close();
        await labService.stop();
      }
    }
  } finally {
    await emulators.close();
  }
  return reports;
}

export async function main(argv) {
  let options;
  try {
    options = parseCommandLine(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const selected = selectScenarios({ ...options, all: options.all || options.list }, join(ROOT, 'scenarios'));
    const scenarios = options.readiness ? selected.map(withReadinessReport) : selected;
    if (options.list) {
      for (const s of scenarios) process.stdout.write(`${s.name.padEnd(36)} ${s.title}${s.isDefault ? ' (default)' : ''}\n`);
      return 0;
    }
    const progress = new Progress({ quiet: options.quiet });
    const reports = await runAll(scenarios, options, progress);
    const summary = runSummary(reports, options.profile);
    writeSummary(resolve(options.artifactsDirectory), summary);
    if (options.ciCountsPath) writeCiCounts(resolve(options.ciCountsPath), summary);
    process.stdout.write(renderSummary(reports));
    const floors = options.checkFloors ? reports.flatMap((report) => floorProblems(report)) : [];
    if (options.checkFloors) {
      process.stdout.write(floors.length === 0 ? 'Floor check: every serving and write RTO lies within [floor, floor + 5 s]\n'
        : `Floor check failed:\n${floors.map((line) => `  ✗ ${line}`).join('\n')}\n`);
    }
    return summary.failed === 0 && floors.length === 0 ? 0 : EXIT_FAILED;
  } catch (error) {
    if (error instanceof DrillUsageError) {
      process.stderr.write(`drill: ${error.message}\n\n${USAGE}`);
      return EXIT_UNUSABLE;
    }
    if (error instanceof ScenarioError || error instanceof DrillSetupError) {
      process.stderr.write(`drill: ${error.message}\n`);
      if (options?.ciCountsPath) writeCiCounts(resolve(options.ciCountsPath), { passed: 0, failed: 1 });
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
