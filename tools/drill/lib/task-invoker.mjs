// What a Task state does in a drill: Lambda resources through the emulator's Invoke API (optionally crashing the
// function's process mid-invocation), sns:publish to the lab's SNS.
import { functionNameOf } from './asl.mjs';
import { TaskError } from './errors.mjs';
import { invokeFunction } from './lambda-task.mjs';
import { SNS_PUBLISH_RESOURCE, publish } from './sns-task.mjs';

/**
 * `invokeTask` for runExecution. `emulator`: { url, crashInjector }. Returns the invocation record
 * `{ ok, target, result?, error?, status?, coldStart? }`; a failure's `error` is the TaskError Step Functions would raise.
 */
export function taskInvoker({ aws, emulator }) {
  return async ({ resource, input, crash }) => {
    if (resource === SNS_PUBLISH_RESOURCE) {
      try {
        return { ok: true, target: 'SNS', result: await publish(aws, input) };
      } catch (error) {
        if (error instanceof TaskError) return { ok: false, target: 'SNS', error };
        throw error;
      }
    }
    const functionName = functionNameOf(resource);
    if (!functionName) {
      return { ok: false, target: resource, error: new TaskError('States.Runtime', `The drill cannot run the Task resource ${resource}.`) };
    }
    const call = () => invokeFunction(emulator.url, functionName, input);
    const invocation = crash ? await emulator.crashInjector.crashDuring(functionName, call) : await call();
    return { target: functionName, ...invocation };
  };
}
