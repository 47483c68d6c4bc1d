// @ts-check
// An ExecutionRecord as Step Functions' GetExecutionHistory would show it: HistoryEvents (id, previousEventId,
// type, timestamp in epoch seconds, one *EventDetails object) in the shape of the API reference, so that the lab can
// serve them and HealthValidator can read what a stopped execution did (e.g. whether it promoted a cluster).

const SERVICE_INTEGRATION = 'arn:aws:states:::';
const SNS_PUBLISH = 'arn:aws:states:::sns:publish';
const NOT_TRUNCATED = Object.freeze({ truncated: false });

/** JSON text of a value, as history events carry data (undefined counts as null). */
const json = (value) => JSON.stringify(value ?? null);

/** Epoch milliseconds → epoch seconds, as the awsJson protocol writes timestamps. */
const seconds = (ms) => ms / 1000;

/** The Region of an execution ARN (arn:aws:states:REGION:…). */
const regionOf = (executionArn) => executionArn?.split(':')[3];

/** A cause as history events carry it: a string. */
const causeText = (cause) => (cause === undefined || typeof cause === 'string' ? cause : JSON.stringify(cause));

/**
 * The Task events of one invocation. Lambda function resources (an ARN or name) give LambdaFunction* events;
 * service integrations (arn:aws:states:::SERVICE:ACTION) give Task* events with resourceType SERVICE and resource ACTION.
 */
function invocationEvents(invocation, region) {
  const resource = invocation.resource ?? (invocation.target === 'SNS' ? SNS_PUBLISH : invocation.target);
  const error = invocation.ok ? undefined : { error: invocation.error?.name, cause: causeText(invocation.error?.message) };
  const timedOut = error?.error === 'States.Timeout';
  if (!resource.startsWith(SERVICE_INTEGRATION)) {
    const ended = invocation.ok
      ? { type: 'LambdaFunctionSucceeded', lambdaFunctionSucceededEventDetails: { output: json(invocation.result), outputDetails: NOT_TRUNCATED } }
      : timedOut
        ? { type: 'LambdaFunctionTimedOut', lambdaFunctionTimedOutEventDetails: error }
        : { type: 'LambdaFunctionFailed', lambdaFunctionFailedEventDetails: error };
    return [
      { at: invocation.from, type: 'LambdaFunctionScheduled', lambdaFunctionScheduledEventDetails: { resource, input: json(invocation.input), inputDetails: NOT_TRUNCATED } },
      { at: invocation.from, type: 'LambdaFunctionStarted' },
      { at: invocation.to, ...ended },
    ];
  }
  const [resourceType, ...action] = resource.slice(SERVICE_INTEGRATION.length).split(':');
  const named = { resourceType, resource: action.join(':') };
  const ended = invocation.ok
    ? { type: 'TaskSucceeded', taskSucceededEventDetails: { ...named, output: json(invocation.result), outputDetails: NOT_TRUNCATED } }
    : timedOut
      ? { type: 'TaskTimedOut', taskTimedOutEventDetails: { ...named, ...error } }
      : { type: 'TaskFailed', taskFailedEventDetails: { ...named, ...error } };
  // A callback Task (.waitForTaskToken) is submitted once its resource answered, then waits for the token.
  const submitted = invocation.submittedAt === undefined ? []
    : [{ at: invocation.submittedAt, type: 'TaskSubmitted', taskSubmittedEventDetails: { ...named, output: json(invocation.submittedResult), outputDetails: NOT_TRUNCATED } }];
  return [
    { at: invocation.from, type: 'TaskScheduled', taskScheduledEventDetails: { ...named, region, parameters: json(invocation.input) } },
    { at: invocation.from, type: 'TaskStarted', taskStartedEventDetails: named },
    ...submitted,
    { at: invocation.to, ...ended },
  ];
}

/** The events that end a state's span, by how it ended and how the execution ended. */
function closingEvents(span, status) {
  const at = span.exitedAt;
  if (span.type === 'Fail' || at === undefined) return [];
  const container = span.type === 'Parallel' || span.type === 'Map';
  if (span.outcome === 'succeeded' || span.outcome === 'caught') {
    const exited = { at, type: `${span.type}StateExited`, stateExitedEventDetails: { name: span.name, output: json(span.output), outputDetails: NOT_TRUNCATED } };
    return container && span.outcome === 'succeeded' ? [{ at, type: `${span.type}StateSucceeded` }, exited] : [exited];
  }
  if (status === 'ABORTED' && ['Task', 'Wait', 'Parallel', 'Map'].includes(span.type)) return [{ at, type: `${span.type}StateAborted` }];
  return container ? [{ at, type: `${span.type}StateFailed` }] : [];
}

/** For each span, the spans of its Parallel branches (entered while it ran), so they are listed inside it. */
function childrenOf(record) {
  const children = new Map();
  const claimed = new Set();
  record.states.forEach((span, index) => {
    const branches = record.branches?.[span.name];
    if (span.type !== 'Parallel' || !branches) return;
    const names = new Set(branches.flat());
    const end = span.exitedAt ?? Infinity;
    const inner = record.states
      .slice(index + 1)
      .filter((candidate) => names.has(candidate.name) && !claimed.has(candidate) && candidate.enteredAt <= end);
    inner.forEach((candidate) => claimed.add(candidate));
    children.set(span, inner);
  });
  return { children, claimed };
}

/**
 * The HistoryEvents of a finished ExecutionRecord, oldest first: ExecutionStarted, each state's *StateEntered
 * (stateEnteredEventDetails{name,input}), its Task attempts, its *StateExited (stateExitedEventDetails{name,output}),
 * and the final Execution* event. Events are ordered by time; those at the same instant in causal order.
 * previousEventId is the event listed before (the drill does not track causality across Parallel branches).
 */
/** @param {import('./execution-record.mjs').ExecutionRecord} record */
export function historyEvents(record) {
  const region = regionOf(record.executionArn);
  const { children, claimed } = childrenOf(record);
  const invocationsOf = new Map(record.states.map((span) => [span, /** @type {import('./execution-record.mjs').Invocation[]} */ ([])]));
  for (const invocation of record.invocations) {
    const span = record.states.findLast((candidate) => candidate.name === invocation.state && candidate.enteredAt <= invocation.from);
    if (span) invocationsOf.get(span)?.push(invocation);
  }

  /** A HistoryEvent before numbering: its time (epoch ms), type and `…EventDetails`. @type {Array<{ at: number, type: string, [details: string]: unknown }>} */
  const listed = [{ at: record.startedAt, type: 'ExecutionStarted', executionStartedEventDetails: { input: json(record.input), inputDetails: NOT_TRUNCATED } }];
  const list = (span) => {
    listed.push({ at: span.enteredAt, type: `${span.type}StateEntered`, stateEnteredEventDetails: { name: span.name, input: json(span.input), inputDetails: NOT_TRUNCATED } });
    if (span.type === 'Parallel' || span.type === 'Map') listed.push({ at: span.enteredAt, type: `${span.type}StateStarted` });
    for (const invocation of invocationsOf.get(span) ?? []) listed.push(...invocationEvents(invocation, region));
    for (const child of children.get(span) ?? []) list(child);
    listed.push(...closingEvents(span, record.status));
  };
  for (const span of record.states) if (!claimed.has(span)) list(span);
  listed.push(...finalEvents(record));

  // Array.prototype.sort is stable: events at the same instant keep the causal order they were listed in.
  return listed
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at - b.entry.at || a.order - b.order)
    .map(({ entry: { at, type, ...details } }, index) => ({ timestamp: seconds(at), type, id: index + 1, previousEventId: index, ...details }));
}

/** The Execution* event that ends the history; none while the record is still running. */
function finalEvents(record) {
  const at = record.stoppedAt;
  const error = { error: record.error ?? undefined, cause: causeText(record.cause) };
  switch (record.status) {
    case 'SUCCEEDED':
      return [{ at, type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: json(record.output), outputDetails: NOT_TRUNCATED } }];
    case 'FAILED':
      return [{ at, type: 'ExecutionFailed', executionFailedEventDetails: error }];
    case 'TIMED_OUT':
      return [{ at, type: 'ExecutionTimedOut', executionTimedOutEventDetails: error }];
    case 'ABORTED':
      return [{ at, type: 'ExecutionAborted', executionAbortedEventDetails: error }];
    default:
      return [];
  }
}
