// @ts-check
// Lambda Tasks: the emulator's Invoke API, with results and errors as Step Functions' Lambda integration reports them.
import { TaskError } from './errors.mjs';

/** The Step Functions error name for a function error document's errorType. */
export function stepFunctionsErrorName(errorType) {
  // Step Functions reports the Lambda service's own failures of a function (process exit, timeout) as Lambda.Unknown.
  return /^(Runtime|Sandbox)\./.test(errorType) ? 'Lambda.Unknown' : errorType;
}

/** The Step Functions error name for a failed Invoke API call (the service refused or failed the call). */
export function serviceErrorName(status, errorType) {
  if (status === 429) return 'Lambda.TooManyRequestsException';
  if (status >= 500) return 'Lambda.ServiceException';
  return `Lambda.${errorType || 'AWSLambdaException'}`;
}

/**
 * Interprets one Invoke API response (status, headers as a Headers object, body text). Returns the invocation
 * record: `{ ok, result?, error?: TaskError, status, coldStart, durationMs }`.
 */
export function interpretInvokeResponse(httpStatus, headers, body) {
  const measured = {
    status: headers.get('x-drlambdas-status') ?? undefined,
    coldStart: headers.get('x-drlambdas-cold-start') === 'true',
    durationMs: Number(headers.get('x-drlambdas-duration-ms') ?? Number.NaN),
  };
  if (httpStatus !== 200) {
    const name = serviceErrorName(httpStatus, headers.get('x-amzn-errortype'));
    return { ok: false, error: new TaskError(name, body), ...measured };
  }
  if (headers.get('x-amz-function-error')) {
    let errorType = 'Lambda.Unknown';
    try {
      errorType = stepFunctionsErrorName(String(JSON.parse(body).errorType ?? 'Lambda.Unknown'));
    } catch {
      // An error document that is not JSON is the service's failure, not the function's.
    }
    return { ok: false, error: new TaskError(errorType, body), ...measured };
  }
  try {
    return { ok: true, result: body.length === 0 ? null : JSON.parse(body), ...measured };
  } catch {
    return { ok: false, error: new TaskError('Lambda.Unknown', `The function returned a response that is not JSON: ${body.slice(0, 200)}`), ...measured };
  }
}

/** Invokes a function synchronously through the emulator (RequestResponse). */
export async function invokeFunction(emulatorUrl, functionName, payload) {
  let response;
  try {
    response = await fetch(new URL(`/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, emulatorUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    return { ok: false, error: new TaskError('Lambda.SdkClientException', `Unable to invoke ${functionName}: ${error.cause?.message ?? error.message}`) };
  }
  return interpretInvokeResponse(response.status, response.headers, await response.text());
}
