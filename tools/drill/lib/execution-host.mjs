// @ts-check
// What the drill runner and the lab's executor share to run an execution registered in the lab's Step Functions:
// the deployed machine prepared once (interpreter + the Task invoker acting as its role), and one run of an
// execution that ends by marking it finished in the lab with its history.
import { finishDocument } from './execution-registry.mjs';
import { prepareMachine, runExecution } from './execution-runner.mjs';
import { labCallbacks } from './task-tokens.mjs';
import { taskInvoker } from './task-invoker.mjs';

/**
 * @typedef {(principal: string, action: string, resource: string, region: string) => Promise<boolean>} Allowed
 * @typedef {{ deployed: import('../../stack/deployment.mjs').DeployedStateMachine, prepared: any, invokeTask: Function }} HostedMachine
 */

/**
 * A deployed machine ready to run: its interpreter and the Task invoker that acts as its role (Lambda through the
 * emulator once IAM allows lambda:InvokeFunction, SNS signed with the role's keys).
 * @param {import('./drill-deployment.mjs').ScenarioDeployment} stack @param {'failover' | 'failback'} kind
 * @param {{ emulator: { url: string, crashInjector: any }, allowed: Allowed }} parts
 * @returns {HostedMachine}
 */
export function hostMachine(stack, kind, { emulator, allowed }) {
  const deployed = stack.machine(kind);
  return {
    deployed,
    prepared: prepareMachine(deployed.definition),
    invokeTask: taskInvoker({
      emulator,
      publisher: stack.clientFor(deployed.roleArn),
      roleArn: deployed.roleArn,
      authorizeInvoke: (functionArn) => allowed(deployed.roleArn, 'lambda:InvokeFunction', functionArn, functionArn.split(':')[3]),
    }),
  };
}

/**
 * Runs an execution the lab registered (StartExecution) with `machine` and marks it finished in the lab with its
 * outcome and history (DescribeExecution, GetExecutionHistory); Task states waiting on a task token receive their
 * callbacks through the lab (SendTaskSuccess / SendTaskFailure). Returns the ExecutionRecord.
 * `execution`: { id, machine, name, executionArn, stateMachineArn, startedAt (epoch ms) }.
 * @param {{ labClient: import('./lab-client.mjs').LabClient, machine: HostedMachine, execution: any, input: any, timeScale: number,
 *   beforeTask?: (attempt: any) => Promise<any>, onEvent?: (record: any, event: any) => void }} run
 */
export async function runAndFinish({ labClient, machine, execution, input, timeScale, beforeTask = async () => ({}), onEvent }) {
  const record = await runExecution({
    prepared: machine.prepared,
    execution,
    input,
    timeScale,
    invokeTask: machine.invokeTask,
    beforeTask,
    onEvent,
    callbacks: labCallbacks(labClient, Math.max(50, Math.min(1000, 3000 / timeScale))),
  });
  await labClient.finishExecution(finishDocument(execution.executionArn, record));
  return record;
}
