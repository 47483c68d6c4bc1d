// @ts-check
// Executions the drill runs are started in the lab's Step Functions (StartExecution over the wire, as EventBridge
// would) so that HealthValidator's ListExecutions sees them, and are marked finished through the control API.
import { historyEvents } from './execution-history.mjs';

/** A unique, valid execution name for a scenario's execution id. */
export function executionName(id, now = Date.now(), random = Math.random) {
  const suffix = `${now.toString(36)}${Math.floor(random() * 36 ** 3).toString(36).padStart(3, '0')}`;
  return `${id}-${suffix}`.slice(0, 80);
}

/** StartExecution; returns { executionArn, startDate: epoch milliseconds }. */
export async function startExecution(aws, stateMachineArn, name, input) {
  const region = stateMachineArn.split(':')[3];
  const reply = await aws.json('states', region, 'AWSStepFunctions.StartExecution', {
    stateMachineArn,
    name,
    input: JSON.stringify(input),
  });
  return { executionArn: reply.executionArn, startDate: Math.round(reply.startDate * 1000) };
}

/**
 * The lab's finish document for an execution outcome (SUCCEEDED carries the output, others error and cause). When
 * the outcome is an ExecutionRecord, `events` carries its history (GetExecutionHistory's HistoryEvents).
 */
export function finishDocument(executionArn, outcome) {
  const events = Array.isArray(outcome.states) ? { events: historyEvents(outcome) } : {};
  if (outcome.status === 'SUCCEEDED') {
    return { executionArn, status: 'SUCCEEDED', output: JSON.stringify(outcome.output ?? null), ...events };
  }
  return {
    executionArn,
    status: outcome.status,
    error: outcome.error ?? undefined,
    cause: typeof outcome.cause === 'string' ? outcome.cause : outcome.cause === undefined ? undefined : JSON.stringify(outcome.cause),
    ...events,
  };
}
