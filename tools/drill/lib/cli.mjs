// @ts-check
// Command-line options of the drill runner.
import { parseArgs } from 'node:util';
import { DrillUsageError } from './errors.mjs';

export const PROFILES = ['fast', 'realistic'];
export const FUNCTION_NAMES = ['HealthValidator', 'AuroraPromoter', 'DnsUpdater'];

export const USAGE = `Usage: drill [--scenario NAME]... [--scenario-file PATH]... [--all] [--profile fast|realistic]
             [--artifacts DIR] [--ci-counts PATH] [--list] [--quiet] [--check-floors]
             [--lab-dll PATH] [--emulator-dll PATH] [--function NAME=BOOTSTRAP]... [--parameters FILE]

Runs failover drills: the real state machine (aws-local-stepfunctions) calls the real function
bootstraps through the local Lambda emulator, against the DR lab; reports timeline, RTO and data loss.

  --scenario NAME       a scenario of scenarios/ (repeatable); default: the catalog's default scenario
  --scenario-file PATH  a scenario kept elsewhere (repeatable)
  --all                 every scenario of scenarios/
  --profile P           fast (CI: the lab's world runs 30x faster) or realistic (AWS's documented durations); default fast
  --artifacts DIR       where reports and timelines go; default artifacts/drills
  --ci-counts PATH      also write "<passed> <failed>" scenario counts to PATH
  --check-floors        benchmark: also fail when a serving or write RTO is below its floor or more than
                        5 model seconds above it (meant for --profile realistic; not part of make test)
  --list                list the scenarios and exit
  --quiet               no progress lines, only the reports
  --lab-dll PATH        the built lab (DrLambdas.DrLab.dll)
  --emulator-dll PATH   the built emulator (DrLambdas.LambdaEmulator.dll)
  --function NAME=PATH  a function's AOT bootstrap, for each of ${FUNCTION_NAMES.join(', ')}
  --parameters FILE     the lab parameter file of the template deployment (default tools/stack/lab-parameters.json)
`;

/** Parses argv (without node and script); throws DrillUsageError naming the offending option. */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string', multiple: true },
        'scenario-file': { type: 'string', multiple: true },
        all: { type: 'boolean' },
        profile: { type: 'string' },
        artifacts: { type: 'string' },
        'ci-counts': { type: 'string' },
        list: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'check-floors': { type: 'boolean' },
        'lab-dll': { type: 'string' },
        'emulator-dll': { type: 'string' },
        function: { type: 'string', multiple: true },
        parameters: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new DrillUsageError(error.message);
  }
  const values = parsed.values;
  const profile = values.profile ?? 'fast';
  if (!PROFILES.includes(profile)) {
    throw new DrillUsageError(`--profile must be one of ${PROFILES.join(', ')}; got '${profile}'`);
  }
  if (values.all && values.scenario?.length) {
    throw new DrillUsageError('--all runs every scenario: do not combine it with --scenario');
  }
  return {
    help: values.help ?? false,
    list: values.list ?? false,
    quiet: values.quiet ?? false,
    checkFloors: values['check-floors'] ?? false,
    all: values.all ?? false,
    names: values.scenario ?? [],
    files: values['scenario-file'] ?? [],
    profile,
    artifactsDirectory: values.artifacts ?? 'artifacts/drills',
    ciCountsPath: values['ci-counts'],
    labDll: values['lab-dll'],
    emulatorDll: values['emulator-dll'],
    bootstraps: parseFunctions(values.function ?? []),
    parameterFile: values.parameters,
  };
}

/** `--function NAME=PATH` assignments → bootstrap path by function name; throws DrillUsageError. */
export function parseFunctions(assignments) {
  const bootstraps = {};
  for (const assignment of assignments) {
    const separator = assignment.indexOf('=');
    const name = assignment.slice(0, separator);
    if (separator <= 0 || separator === assignment.length - 1) {
      throw new DrillUsageError(`--function expects NAME=PATH; got '${assignment}'`);
    }
    if (!FUNCTION_NAMES.includes(name)) {
      throw new DrillUsageError(`--function ${name}: not a function of this project (${FUNCTION_NAMES.join(', ')})`);
    }
    if (name in bootstraps) throw new DrillUsageError(`--function ${name} given twice`);
    bootstraps[name] = assignment.slice(separator + 1);
  }
  return bootstraps;
}
