// @ts-check
// A person at a terminal, for tests: tmux runs a shell in a pseudo-terminal of a fixed size, send-keys types, and
// capture-pane reads the screen. Each Terminal has its own tmux server (socket), killed by close().
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The drctl to drive: the Native AOT binary when published, else the Release build through dotnet. */
export function drctlCommand(root) {
  const binary = join(root, 'artifacts/drctl/linux-x64/drctl');
  if (existsSync(binary)) return binary;
  return `dotnet ${join(root, 'src/Drctl/bin/Release/net10.0/drctl.dll')}`;
}

export function hasTmux() {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let sessions = 0;

export class Terminal {
  /**
   * @param {Record<string, string>} env variables the shell starts with
   * @param {{ width?: number, height?: number }} [size]
   */
  constructor(env, { width = 160, height = 50 } = {}) {
    this.socket = `drctl-test-${process.pid}-${++sessions}`;
    this.session = 'operator';
    const exports = Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
    this.tmux('new-session', '-d', '-s', this.session, '-x', String(width), '-y', String(height), ...exports, 'bash --norc --noprofile');
    this.tmux('set-option', '-t', this.session, 'history-limit', '5000');
  }

  /** @param {string[]} args */
  tmux(...args) {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Types a line and presses Enter. @param {string} line */
  type(line) {
    this.tmux('send-keys', '-t', this.session, '-l', line);
    this.tmux('send-keys', '-t', this.session, 'Enter');
  }

  /** Presses Ctrl-C. */
  interrupt() {
    this.tmux('send-keys', '-t', this.session, 'C-c');
  }

  /** The screen and its scrollback, as text. */
  screen() {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-5000', '-t', this.session);
  }

  /**
   * Waits until the screen matches; returns the match and the screen.
   * @param {RegExp} pattern @param {number} timeoutMs
   */
  async waitFor(pattern, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const match = screen.match(pattern);
      if (match) return { match, screen };
      if (Date.now() > deadline) throw new Error(`the screen did not show ${pattern} within ${timeoutMs} ms:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  close() {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
