// @ts-check
// An approver's side of the approval gate, as drctl approve/reject does it: read the waiting execution's SSM
// SecureString (docs/contracts.md "Approval gate"), learn who is calling (STS GetCallerIdentity), and answer the
// task token with SendTaskSuccess ({ approvedBy, reason, approvedAt }) or SendTaskFailure (error ApprovalRejected,
// cause { rejectedBy, reason, rejectedAt }).
import { setTimeout as delay } from 'node:timers/promises';
import { AwsError, xmlText } from './aws-client.mjs';

export const APPROVAL_REJECTED = 'ApprovalRejected';

/** The approval record of `parameterName`, or undefined while there is none. @param {any} aws @param {string} region @param {string} parameterName */
export async function readApproval(aws, region, parameterName) {
  try {
    const reply = await aws.json('ssm', region, 'AmazonSSM.GetParameter', { Name: parameterName, WithDecryption: true }, '1.1');
    return JSON.parse(reply.Parameter.Value);
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ParameterNotFound') return undefined;
    throw error;
  }
}

/** The caller's ARN (an assumed-role session in the lab). @param {any} aws @param {string} region */
export async function callerArn(aws, region) {
  return xmlText(await aws.query('sts', region, { Action: 'GetCallerIdentity', Version: '2011-06-15' }), 'Arn');
}

/**
 * Waits (polling every `pollMs`, at most `timeoutMs`) for the execution's approval record: the execution is waiting at
 * the approval gate. Returns the record, or undefined when no approval was requested in time.
 * @param {{ aws: any, region: string, parameterName: string, pollMs: number, timeoutMs: number, now?: () => number }} request
 */
export async function waitForApproval({ aws, region, parameterName, pollMs, timeoutMs, now = Date.now }) {
  const deadline = now() + timeoutMs;
  let record = await readApproval(aws, region, parameterName);
  while (!record) {
    if (now() > deadline) return undefined;
    await delay(pollMs);
    record = await readApproval(aws, region, parameterName);
  }
  return record;
}

/**
 * Waits (polling every `pollMs`, at most `timeoutMs`) for the execution's approval record, then answers it.
 * Returns { record, answeredBy } or undefined when no approval was requested in time.
 * @param {{ aws: any, region: string, parameterName: string, decision: 'approve' | 'reject', reason: string, pollMs: number, timeoutMs: number, now?: () => number }} request
 */
export async function answerApproval({ aws, region, parameterName, decision, reason, pollMs, timeoutMs, now = Date.now }) {
  const record = await waitForApproval({ aws, region, parameterName, pollMs, timeoutMs, now });
  if (!record) return undefined;
  const answeredBy = await callerArn(aws, region);
  const at = new Date(now()).toISOString();
  if (decision === 'approve') {
    await aws.json('states', region, 'AWSStepFunctions.SendTaskSuccess', { taskToken: record.taskToken, output: JSON.stringify({ approvedBy: answeredBy, reason, approvedAt: at }) });
  } else {
    await aws.json('states', region, 'AWSStepFunctions.SendTaskFailure', {
      taskToken: record.taskToken, error: APPROVAL_REJECTED, cause: JSON.stringify({ rejectedBy: answeredBy, reason, rejectedAt: at }),
    });
  }
  return { record, answeredBy };
}
