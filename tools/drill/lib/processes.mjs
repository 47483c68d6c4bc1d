// @ts-check
// Child processes that announce readiness with one JSON line on stdout carrying `baseUrl` (the lab, the emulator).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { DrillSetupError } from './errors.mjs';

const TAIL_LINES = 30;
const running = new Set();

/** @param {NodeJS.Signals} signal */
function stopAll(signal) {
  for (const child of running) child.kill(signal);
}
process.once('exit', () => stopAll('SIGKILL'));
// Interrupted (Ctrl-C, CI timeout): let the lab and the emulator stop their own children, then go.
for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
  process.once(signal, () => {
    stopAll('SIGTERM');
    process.exit(code);
  });
}

/** The first line of `lines` that is a JSON object with a string `baseUrl`, parsed; or undefined. */
export function readyDocumentOf(line) {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const document = JSON.parse(line);
    return typeof document?.baseUrl === 'string' ? document : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts `command args` and resolves once it prints its ready line: `{ ready, pid, stop() }`. Output goes to
 * `logPath`; if the process exits or stays silent past `timeoutMs`, throws DrillSetupError with its last lines.
 * @param {string} name @param {string} command @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, logPath: string, timeoutMs?: number }} options
 * @returns {Promise<{ ready: any, pid: number | undefined, stop: () => Promise<void> }>}
 */
export function startService(name, command, args, { env = process.env, logPath, timeoutMs = 60_000 }) {
  mkdirSync(dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath, { flags: 'a' });
  const tail = [];
  const remember = (line) => {
    log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));
  createInterface({ input: child.stderr }).on('line', remember);
  const stdout = createInterface({ input: child.stdout });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    log.end();
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new DrillSetupError(`${name} did not start: ${reason}\n  ${command} ${args.join(' ')}\n  last output (${logPath}):\n    ${tail.join('\n    ')}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('error', (error) => fail(error.message));
    exited.then(({ code, signal }) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`));
    stdout.on('line', (line) => {
      remember(line);
      const ready = readyDocumentOf(line);
      if (ready && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ ready, pid: child.pid, stop });
      }
    });
  });
}
