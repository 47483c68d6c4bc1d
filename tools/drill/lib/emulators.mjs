// The local Lambda emulator hosting the three function bootstraps, restarted only when the functions' environment
// (scenario configuration, observer Region) changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrashInjector } from './crash-injector.mjs';
import { toDotenv } from './function-environment.mjs';
import { startService } from './processes.mjs';

/** The command that runs a built .NET program: `dotnet X.dll` or the executable itself. */
export function dotnetCommand(program, args) {
  return program.endsWith('.dll') ? { command: 'dotnet', args: [program, ...args] } : { command: program, args };
}

export class EmulatorPool {
  /** `bootstraps`: function name → AOT bootstrap path; `workDirectory`: env files and logs. */
  constructor({ emulatorProgram, bootstraps, workDirectory, invocationTimeoutSeconds = 60 }) {
    this.emulatorProgram = emulatorProgram;
    this.bootstraps = bootstraps;
    this.workDirectory = workDirectory;
    this.invocationTimeoutSeconds = invocationTimeoutSeconds;
    this.current = undefined;
    this.generation = 0;
  }

  /** An emulator serving the functions with `env` in `region`: `{ url, crashInjector }`. */
  async acquire(env, region) {
    const key = JSON.stringify([region, Object.entries(env).sort()]);
    if (this.current?.key === key) return this.current;
    await this.close();
    this.generation += 1;
    mkdirSync(this.workDirectory, { recursive: true });
    const envFile = join(this.workDirectory, `functions-${this.generation}.env`);
    writeFileSync(envFile, toDotenv(env));
    const functions = Object.entries(this.bootstraps).flatMap(([name, path]) => ['--function', `${name}=${path}`]);
    const { command, args } = dotnetCommand(this.emulatorProgram, [
      'serve', '--port', '0', '--region', region, '--timeout', String(this.invocationTimeoutSeconds), '--env-file', envFile, ...functions,
    ]);
    const service = await startService('the Lambda emulator', command, args, {
      logPath: join(this.workDirectory, `emulator-${this.generation}.log`),
    });
    this.current = {
      key,
      url: service.ready.baseUrl,
      crashInjector: new CrashInjector(service.pid, this.bootstraps),
      stop: service.stop,
    };
    return this.current;
  }

  async close() {
    await this.current?.stop();
    this.current = undefined;
  }
}
