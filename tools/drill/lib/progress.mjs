// @ts-check
// Progress lines while a drill runs: the current step of each execution and the time elapsed since the scenario began.

export function formatElapsed(ms) {
  return `${(ms / 1000).toFixed(2).padStart(7)}s`;
}

export class Progress {
  constructor({ quiet = false, write = (text) => process.stderr.write(text), now = Date.now } = {}) {
    this.quiet = quiet;
    this.write = write;
    this.now = now;
    this.startedAt = now();
  }

  /** A scenario begins: the elapsed clock restarts. */
  beginScenario(scenario, index, total, profile) {
    this.startedAt = this.now();
    this.print(`\n▶ [${index}/${total}] ${scenario.name} — ${scenario.title} (profile ${profile}${scenario.preset && scenario.preset !== 'seed' ? `, preset ${scenario.preset}` : ''})\n`);
  }

  /** One line for an action of the scenario (fault injected, trigger sent, waiting for an alarm...). */
  step(text) {
    this.print(`  ${formatElapsed(this.now() - this.startedAt)}  ${text}\n`);
  }

  /** An execution entered a state (attempts after the first are shown on their invocation instead). */
  state(executionId, stateName, type) {
    this.step(`${executionId} ▸ ${stateName}${type === 'Wait' ? ' (waiting)' : ''}`);
  }

  print(text) {
    if (!this.quiet) this.write(text);
  }
}
