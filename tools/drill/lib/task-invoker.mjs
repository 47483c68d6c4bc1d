// @ts-check
// What a Task state does in a drill, as the state machine's role: Lambda resources through the emulator's Invoke API
// once the lab's IAM allows the role lambda:InvokeFunction on the function (optionally crashing the function's
// process mid-invocation), sns:publish to the lab's SNS signed with the role's credentials.
import { functionNameOf } from './asl.mjs';
import { TaskError } from './errors.mjs';
import { invokeFunction } from './lambda-task.mjs';
import { SNS_PUBLISH_RESOURCE, publish } from './sns-task.mjs';
import { WAIT_FOR_TASK_TOKEN } from './task-tokens.mjs';

/** Step Functions' optimized Lambda integration (`Parameters`: FunctionName, Payload), with or without a callback. */
export const LAMBDA_INVOKE_RESOURCE = 'arn:aws:states:::lambda:invoke';

/** The error Step Functions reports when its role may not invoke the function (Lambda answers 403 AccessDeniedException). */
export function invokeDenied(roleArn, functionArn) {
  const role = roleArn.split('/').at(-1);
  const account = roleArn.split(':')[4];
  return new TaskError('Lambda.AWSLambdaException', `User: arn:aws:sts::${account}:assumed-role/${role}/StepFunctions is not authorized to perform: lambda:InvokeFunction on resource: ${functionArn} because no identity-based policy allows the lambda:InvokeFunction action (Service: Lambda, Status Code: 403, Error Code: AccessDeniedException)`);
}

/**
 * `invokeTask` for runExecution. `emulator`: { url, crashInjector }; `publisher`: an AwsClient with the machine
 * role's credentials; `authorizeInvoke(functionArn)` → whether the role may invoke it. Returns the invocation
 * record `{ ok, target, result?, error?, status?, coldStart? }`; a failure's `error` is the TaskError Step Functions
 * would raise.
 */
export function taskInvoker({ emulator, publisher, roleArn, authorizeInvoke }) {
  return async ({ resource, input, crash }) => {
    if (resource === SNS_PUBLISH_RESOURCE || resource === SNS_PUBLISH_RESOURCE + WAIT_FOR_TASK_TOKEN) {
      try {
        return { ok: true, target: 'SNS', result: await publish(publisher, input) };
      } catch (error) {
        if (error instanceof TaskError) return { ok: false, target: 'SNS', error };
        throw error;
      }
    }
    const integration = resource === LAMBDA_INVOKE_RESOURCE || resource === LAMBDA_INVOKE_RESOURCE + WAIT_FOR_TASK_TOKEN;
    const functionArn = integration ? String(input?.FunctionName ?? '') : resource.split(':').slice(0, 7).join(':');
    const functionName = functionNameOf(integration ? functionArn : resource);
    if (!functionName) {
      return { ok: false, target: resource, error: new TaskError('States.Runtime', `The drill cannot run the Task resource ${resource}.`) };
    }
    if (!(await authorizeInvoke(functionArn))) return { ok: false, target: functionName, error: invokeDenied(roleArn, functionArn) };
    const call = () => invokeFunction(emulator.url, functionName, integration ? input.Payload ?? {} : input);
    const invocation = crash ? await emulator.crashInjector.crashDuring(functionName, call) : await call();
    // lambda:invoke wraps the function's answer as the Invoke API's response.
    if (integration && invocation.ok) return { target: functionName, ...invocation, result: { ExecutedVersion: '$LATEST', Payload: invocation.result, StatusCode: 200 } };
    return { target: functionName, ...invocation };
  };
}
