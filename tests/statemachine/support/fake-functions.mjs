// Scripted stand-ins for the three functions and SNS, speaking the documents of docs/contracts.md section 5.
// Each operation is a responder: (input, callIndex) => output, or throws a LambdaError.

export const SUBSTITUTIONS = Object.freeze({
  HealthValidatorFunctionArn: 'arn:aws:lambda:ap-northeast-1:111122223333:function:drlambdas-HealthValidator',
  AuroraPromoterFunctionArn: 'arn:aws:lambda:ap-northeast-1:111122223333:function:drlambdas-AuroraPromoter',
  DnsUpdaterFunctionArn: 'arn:aws:lambda:ap-northeast-1:111122223333:function:drlambdas-DnsUpdater',
  AlertTopicArn: 'arn:aws:sns:ap-northeast-1:111122223333:drlambdas-alerts',
  PrimaryRegion: 'ap-east-2',
  PrimaryClusterArn: 'arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe',
  FailbackCheckIntervalSeconds: '300',
  FailbackMaxChecks: '4',
  RequireApproval: 'never',
  ApprovalTimeoutSeconds: '900',
});

const FUNCTION_BY_ARN = new Map([
  [SUBSTITUTIONS.HealthValidatorFunctionArn, 'HealthValidator'],
  [SUBSTITUTIONS.AuroraPromoterFunctionArn, 'AuroraPromoter'],
  [SUBSTITUTIONS.DnsUpdaterFunctionArn, 'DnsUpdater'],
]);

const SNS_PUBLISH = 'arn:aws:states:::sns:publish';
const AT = '2026-11-26T00:00:00Z';
const SECONDARY_CLUSTER_ARN = 'arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt';

/** An error as Step Functions sees a function error: `name` is the errorType, the message is Lambda's JSON Cause. */
export class LambdaError extends Error {
  constructor(errorType, errorMessage) {
    super(JSON.stringify({ errorType, errorMessage }));
    this.name = errorType;
  }
}

/** Responder that throws the given function error. */
export function fails(errorType, errorMessage = `${errorType} raised by the fake`) {
  return () => {
    throw new LambdaError(errorType, errorMessage);
  };
}

/** Responder that plays the given responders (or plain values) in order, the last one repeating. */
export function sequence(...steps) {
  return (input, callIndex) => {
    const step = steps[Math.min(callIndex, steps.length - 1)];
    return typeof step === 'function' ? step(input, callIndex) : structuredClone(step);
  };
}

export function weights(primary, secondary) {
  return [
    { setIdentifier: 'tpe', region: 'ap-east-2', weight: primary },
    { setIdentifier: 'nrt', region: 'ap-northeast-1', weight: secondary },
  ];
}

/** HealthValidator assess output for a decision. */
export function assessment(action, { dryRun = false, desired = weights(0, 100), drainFirst = false } = {}) {
  const promotes = action === 'Switchover' || action === 'Failover';
  return {
    incidentId: 'dr-test-execution',
    assessedAt: AT,
    trigger: { kind: 'Alarm', mode: 'Automatic', alarmName: 'tpe-health', force: false },
    decision: {
      action,
      failedRegion: 'ap-east-2',
      targetRegion: 'ap-northeast-1',
      targetClusterArn: SECONDARY_CLUSTER_ARN,
      globalClusterId: 'app-global',
      allowDataLoss: action === 'Failover',
      estimatedDataLossSeconds: action === 'Failover' ? 0.8 : 0,
      forced: false,
      dryRun,
      reasons: [{ code: 'TestReason', message: `decided ${action}`, evidence: [] }],
      drainFirst: action === 'Failover' && drainFirst,
    },
    desiredWeights: promotes || action === 'DrainSecondary' ? desired : weights(70, 30),
    signals: [],
    rtoBudget: { targetSeconds: 60, totalSeconds: 215, reachable: false, items: [], explanation: 'test' },
    notice: { subject: `DrLambdas: ${action}`, message: `The decision is ${action}.` },
    durationMs: 12,
  };
}

export function promotionStarted(action = 'Failover', outcome = 'Started') {
  return { outcome, action, targetClusterArn: SECONDARY_CLUSTER_ARN, startedAt: AT };
}

export function promotionStatus(status, { timedOut = false, targetClusterArn = SECONDARY_CLUSTER_ARN, promoted = status === 'Completed' } = {}) {
  return {
    status,
    targetClusterArn,
    startedAt: AT,
    elapsedSeconds: 42,
    writerEndpoint: 'app-nrt.cluster-x.ap-northeast-1.rds.amazonaws.com',
    timedOut,
    detail: `promotion ${status}`,
    promoted,
  };
}

export function dnsApplied(status = 'PENDING') {
  return {
    changeIds: status === 'INSYNC' ? [] : ['/change/C1'],
    status,
    changed: status === 'INSYNC' ? [] : [{ setIdentifier: 'tpe', from: 70, to: 0 }],
    unchanged: 1,
    submittedAt: AT,
  };
}

export function dnsStatus(status, { timedOut = false } = {}) {
  return { ...dnsApplied('PENDING'), status, elapsedSeconds: 20, timedOut };
}

/** HealthValidator verify output: Degraded = recovered with the pin pending, Failed = a check failed. */
export function verifyReport(outcome = 'Recovered') {
  const pinState = outcome === 'Degraded' ? 'Pending' : 'Landed';
  return {
    outcome,
    subject: `DrLambdas: ${outcome}`,
    summary: `Recovery outcome: ${outcome}.${pinState === 'Pending' ? ' DNS pin: pending. traffic held by health checks only; pin pending.' : ''}`,
    checks: [{ name: 'target-writer', passed: outcome !== 'Failed', detail: 'checked' }],
    timeline: [{ step: 'Validate', at: AT }],
    rto: { measuredSeconds: 75, targetSeconds: 60, budgetSeconds: 215, breakdown: [], measuredTo: 'PromotionCompleted' },
    dataLoss: { estimatedSeconds: 0.8, allowed: true },
    reasons: [],
    pin: { state: pinState, detail: pinState === 'Pending' ? 'traffic held by health checks only; pin pending' : 'tpe=0 (desired 0)' },
  };
}

/**
 * HealthValidator pin responder: judges a failed pin attempt as `state`, carrying `since` over (the first
 * judgement opens the window) and counting attempts, as the function does.
 */
export function pinJudgement(state) {
  return (input) => ({
    state,
    since: input.since ?? AT,
    attempts: input.attempts + 1,
    giveUpAt: '2026-11-26T00:15:00Z',
    detail: `pin ${state} after ${input.error}`,
  });
}

export const FAILBACK_PLAN = Object.freeze({
  steps: [
    { weights: weights(10, 90), bakeSeconds: 300 },
    { weights: weights(30, 70), bakeSeconds: 300 },
    { weights: weights(70, 30), bakeSeconds: 300 },
  ],
  rollbackWeights: weights(0, 100),
});

/** HealthValidator recovery responder: appends a check with the given health to the history it is sent. */
export function recoveryCheck(healthy, { required = 3 } = {}) {
  return (input) => {
    const check = { at: AT, healthy, detail: healthy ? 'primary healthy' : 'primary unhealthy' };
    const history = [...input.history, check];
    let streak = 0;
    for (let i = history.length - 1; i >= 0 && history[i].healthy; i -= 1) streak += 1;
    const ready = streak >= required;
    return {
      ready,
      healthyStreak: streak,
      required,
      history,
      check,
      ...(ready ? { plan: structuredClone(FAILBACK_PLAN) } : {}),
    };
  };
}

export function gatePassed() {
  return { healthy: true, detail: 'primary healthy at this weight' };
}

/**
 * The fake world behind the Task states: routes each Task by its Resource to a scripted function
 * operation (or to SNS) and records every call and notification.
 */
export class FakeFunctions {
  constructor(responders) {
    this.responders = responders;
    this.calls = [];
    this.notifications = [];
    /** Every call and notification, as its Task state name, in the order made. */
    this.log = [];
    this.callCounts = new Map();
  }

  /** Pass to taskHandlersByResource. */
  invoke = ({ resource, stateName, input }) => {
    if (resource === SNS_PUBLISH) {
      return this.#publish(stateName, input);
    }
    const functionName = FUNCTION_BY_ARN.get(resource);
    if (!functionName) {
      throw new Error(`no fake for Task ${stateName} with Resource ${resource}`);
    }
    const key = `${functionName}.${input.operation}`;
    const responder = this.responders[key];
    if (!responder) {
      throw new Error(`no responder for ${key} (Task ${stateName})`);
    }
    const callIndex = this.callCounts.get(key) ?? 0;
    this.callCounts.set(key, callIndex + 1);
    this.log.push(stateName);
    this.calls.push({ stateName, function: functionName, operation: input.operation, input: structuredClone(input) });
    return typeof responder === 'function' ? responder(input, callIndex) : structuredClone(responder);
  };

  #publish(stateName, input) {
    const responder = this.responders['SNS.publish'];
    const callIndex = this.callCounts.get('SNS.publish') ?? 0;
    this.callCounts.set('SNS.publish', callIndex + 1);
    if (responder) {
      responder(input, callIndex);
    }
    this.log.push(stateName);
    this.notifications.push({
      stateName,
      topicArn: input.TopicArn,
      subject: input.Subject,
      message: input.Message,
      severity: input.MessageAttributes?.severity?.StringValue,
    });
    return { MessageId: `message-${callIndex}` };
  }

  /** Operations called, as 'Function.operation', in call order. */
  operations() {
    return this.calls.map((call) => `${call.function}.${call.operation}`);
  }
}
