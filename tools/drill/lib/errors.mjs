// @ts-check
// Typed errors of the drill runner: each says what is wrong and what to do about it.

/** Bad command-line usage; the message names the option. */
export class DrillUsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DrillUsageError';
  }
}

/** A scenario file that cannot be run; `problems` lists every problem found, each naming its field. */
export class ScenarioError extends Error {
  constructor(source, problems) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ScenarioError';
    this.source = source;
    this.problems = problems;
  }
}

/** The drill could not set up or reach its environment (lab, emulator, build outputs). */
export class DrillSetupError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'DrillSetupError';
  }
}

/**
 * An error raised by a Task state. Its `name` is the error type Step Functions would report
 * (what Retry and Catch match); its message becomes the Cause.
 */
export class TaskError extends Error {
  constructor(errorType, cause) {
    super(cause);
    this.name = errorType;
  }
}
