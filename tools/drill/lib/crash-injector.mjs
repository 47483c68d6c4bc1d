// @ts-check
// Crashes a function's bootstrap process while an invocation is in flight, as a process crash (OOM kill, segfault)
// would: the emulator then reports Runtime.ExitError, which Step Functions sees as Lambda.Unknown.
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const HAND_OFF_MS = 200;
const LOOKUP_ATTEMPTS = 5;
const COLD_START_WAIT_MS = 10_000;
const POLL_MS = 2;

/** The parent pid from the contents of /proc/PID/stat (the command name may contain spaces and parentheses). */
export function parentPidOf(stat) {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(afterName[1]);
}

/** Pids of the processes whose parent is `parentPid` and whose executable is `executable` (Linux /proc). */
export function childProcessesRunning(parentPid, executable, proc = '/proc') {
  const pids = [];
  for (const entry of readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentPidOf(readFileSync(`${proc}/${entry}/stat`, 'utf8')) !== parentPid) continue;
      if (readlinkSync(`${proc}/${entry}/exe`) === executable) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function signal(pids, name) {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

export class CrashInjector {
  /** `emulatorPid`: the emulator the drill started; `bootstraps`: function name → bootstrap path. */
  constructor(emulatorPid, bootstraps) {
    this.emulatorPid = emulatorPid;
    this.executables = Object.fromEntries(Object.entries(bootstraps).map(([name, path]) => [name, realpathSync(path)]));
  }

  processesOf(functionName) {
    return childProcessesRunning(this.emulatorPid, this.executables[functionName]);
  }

  /**
   * Runs `invoke()` and kills the function's process while that invocation is in flight. A warm process is frozen
   * (SIGSTOP) before the invocation so it cannot answer, then killed once the emulator has handed it the event; a
   * cold one is killed as soon as it appears. Returns what `invoke()` returns.
   */
  async crashDuring(functionName, invoke) {
    let warm = this.processesOf(functionName);
    for (let attempt = 1; warm.length === 0 && attempt < LOOKUP_ATTEMPTS; attempt++) {
      await delay(20);
      warm = this.processesOf(functionName);
    }
    if (warm.length > 0) {
      signal(warm, 'SIGSTOP');
      const pending = invoke();
      await delay(HAND_OFF_MS);
      signal(warm, 'SIGKILL');
      return pending;
    }
    const pending = invoke();
    const deadline = Date.now() + COLD_START_WAIT_MS;
    let started = [];
    while (started.length === 0 && Date.now() < deadline) {
      await delay(POLL_MS);
      started = this.processesOf(functionName);
    }
    signal(started, 'SIGKILL');
    return pending;
  }
}
