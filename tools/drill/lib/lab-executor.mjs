// @ts-check
// The lab's executor: runs every execution started through the lab's StartExecution (by an operator, by drctl, by
// the deployed EventBridge rules) with the deployed machine, as Step Functions would. It discovers new executions
// by listing the RUNNING executions of each deployed machine (ListExecutions, the administrative identity).
import { runAndFinish } from './execution-host.mjs';
import { PollingLoop } from './polling-loop.mjs';

/**
 * @typedef {{ executionArn: string, stateMachineArn: string, name: string, startDate: number }} ExecutionSummary
 * @typedef {{ execution: any, record?: any, error?: unknown }} Finished
 */

/** Every RUNNING execution of `stateMachineArn`, all pages (ListExecutions). @param {any} aws @param {string} stateMachineArn */
export async function listRunning(aws, stateMachineArn) {
  const region = stateMachineArn.split(':')[3];
  /** @type {ExecutionSummary[]} */
  const all = [];
  let nextToken;
  do {
    const page = await aws.json('states', region, 'AWSStepFunctions.ListExecutions', { stateMachineArn, statusFilter: 'RUNNING', maxResults: 1000, nextToken });
    all.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/** The execution's input (DescribeExecution). @param {any} aws @param {string} executionArn */
export async function executionInput(aws, executionArn) {
  const reply = await aws.json('states', executionArn.split(':')[3], 'AWSStepFunctions.DescribeExecution', { executionArn });
  return JSON.parse(reply.input ?? '{}');
}

export class LabExecutor extends PollingLoop {
  /**
   * `aws`: the administrative identity; `machines`: HostedMachine by kind (failover, failback); `pollMs`: how often
   * new executions are looked for; `onStarted(execution)` / `onFinished({ execution, record?, error? })`: progress.
   * @param {{ aws: any, labClient: import('./lab-client.mjs').LabClient, machines: Record<string, import('./execution-host.mjs').HostedMachine>,
   *   timeScale: number, pollMs: number, onStarted?: (execution: any) => void, onFinished?: (finished: Finished) => void,
   *   onError?: (error: unknown) => void }} options
   */
  constructor({ aws, labClient, machines, timeScale, pollMs, onStarted = () => {}, onFinished = () => {}, onError = () => {} }) {
    super({ pollMs, onError });
    this.aws = aws;
    this.labClient = labClient;
    this.machines = machines;
    this.timeScale = timeScale;
    this.onStarted = onStarted;
    this.onFinished = onFinished;
    /** @type {Map<string, Promise<void>>} executions taken, by ARN */
    this.taken = new Map();
  }

  /** Looks once for RUNNING executions not yet taken and starts running each; returns the ones it took. */
  async poll() {
    const took = [];
    for (const [kind, machine] of Object.entries(this.machines)) {
      for (const summary of await listRunning(this.aws, machine.deployed.arn)) {
        if (this.taken.has(summary.executionArn)) continue;
        const execution = {
          id: summary.name,
          machine: kind,
          name: summary.name,
          executionArn: summary.executionArn,
          stateMachineArn: summary.stateMachineArn,
          startedAt: Math.round(summary.startDate * 1000),
        };
        this.taken.set(execution.executionArn, this.run(machine, execution));
        took.push(execution);
      }
    }
    return took;
  }

  /** @param {import('./execution-host.mjs').HostedMachine} machine @param {any} execution */
  async run(machine, execution) {
    try {
      const input = await executionInput(this.aws, execution.executionArn);
      this.onStarted(execution);
      const record = await runAndFinish({ labClient: this.labClient, machine, execution, input, timeScale: this.timeScale });
      this.onFinished({ execution, record });
    } catch (error) {
      this.onFinished({ execution, error });
    }
  }

  /** Resolves once every execution taken so far has finished. */
  async settled() {
    await Promise.all(this.taken.values());
  }
}
