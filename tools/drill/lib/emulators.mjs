// @ts-check
// The local Lambda emulator hosting the deployed functions, restarted only when what it hosts changes (a function's
// environment, memory or timeout, the Region).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrashInjector } from './crash-injector.mjs';
import { DrillSetupError } from './errors.mjs';
import { startService } from './processes.mjs';

/** The command that runs a built .NET program: `dotnet X.dll` or the executable itself. */
export function dotnetCommand(program, args) {
  return program.endsWith('.dll') ? { command: 'dotnet', args: [program, ...args] } : { command: program, args };
}

/** The emulator's env file for the functions, in SAM's --env-vars JSON (one section per function). */
export function envFileDocument(functions) {
  return JSON.stringify({ Parameters: {}, ...Object.fromEntries(functions.map((fn) => [fn.name, sortedObject(fn.env)])) }, null, 1);
}

function sortedObject(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, String(object[key])]));
}

/**
 * The emulator's arguments for `functions` ([{ name, code, env, memorySize, timeout }]): each function's bootstrap
 * by its code name, its memory and timeout.
 */
export function emulatorArguments(functions, bootstraps, region, envFile) {
  const args = ['serve', '--port', '0', '--region', region, '--env-file', envFile];
  for (const fn of functions) {
    const bootstrap = bootstraps[fn.code];
    if (!bootstrap) throw new DrillSetupError(`no bootstrap for the deployed function ${fn.name} (code ${fn.code}); known: ${Object.keys(bootstraps).join(', ')}`);
    args.push('--function', `${fn.name}=${bootstrap}`, '--function-memory', `${fn.name}=${fn.memorySize}`, '--function-timeout', `${fn.name}=${fn.timeout}`);
  }
  return args;
}

export class EmulatorPool {
  /** `bootstraps`: code name (HealthValidator…) → AOT bootstrap path; `workDirectory`: env files and logs. */
  constructor({ emulatorProgram, bootstraps, workDirectory }) {
    this.emulatorProgram = emulatorProgram;
    this.bootstraps = bootstraps;
    this.workDirectory = workDirectory;
    this.current = undefined;
    this.generation = 0;
  }

  /** An emulator serving the deployed `functions` in `region`: `{ url, crashInjector }`. */
  async acquire(functions, region) {
    const key = JSON.stringify([region, functions.map((fn) => [fn.name, fn.code, fn.memorySize, fn.timeout, Object.entries(fn.env).sort()])]);
    if (this.current?.key === key) return this.current;
    await this.close();
    this.generation += 1;
    mkdirSync(this.workDirectory, { recursive: true });
    const envFile = join(this.workDirectory, `functions-${this.generation}.env.json`);
    writeFileSync(envFile, envFileDocument(functions));
    const { command, args } = dotnetCommand(this.emulatorProgram, emulatorArguments(functions, this.bootstraps, region, envFile));
    const service = await startService('the Lambda emulator', command, args, {
      logPath: join(this.workDirectory, `emulator-${this.generation}.log`),
    });
    this.current = {
      key,
      url: service.ready.baseUrl,
      crashInjector: new CrashInjector(service.pid, Object.fromEntries(functions.map((fn) => [fn.name, this.bootstraps[fn.code]]))),
      stop: service.stop,
    };
    return this.current;
  }

  async close() {
    await this.current?.stop();
    this.current = undefined;
  }
}
