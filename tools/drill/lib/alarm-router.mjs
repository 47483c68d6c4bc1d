// @ts-check
// CloudWatch's side of the lab: when a deployed alarm changes state to ALARM, its "CloudWatch Alarm State Change"
// event goes to the default bus of the alarm's Region and through the deployed EventBridge rules; the executions
// the rules' targets start are started in the lab's Step Functions with each rule's role (the LabExecutor runs them).
import { randomUUID } from 'node:crypto';
import { readAlarm } from './alarms.mjs';
import { routeEvent } from './event-routing.mjs';
import { startExecution } from './execution-registry.mjs';
import { alarmEvent } from './triggers.mjs';
import { PollingLoop } from './polling-loop.mjs';

/**
 * @typedef {{ alarm: any, previous: string, event: any, trace: string[], started: { executionArn: string, rule: string }[] }} Routed
 */

export class AlarmRouter extends PollingLoop {
  /**
   * `stack`: the ScenarioDeployment (alarms, rules, role clients); `aws`: the administrative identity (reads alarms);
   * `allowed`: the lab's IAM decision for a role; `onRouted(routed)`: what each transition did.
   * @param {{ stack: import('./drill-deployment.mjs').ScenarioDeployment, aws: any, allowed: import('./execution-host.mjs').Allowed,
   *   pollMs: number, onRouted?: (routed: Routed) => void, onError?: (error: unknown) => void }} options
   */
  constructor({ stack, aws, allowed, pollMs, onRouted = () => {}, onError = () => {} }) {
    super({ pollMs, onError });
    this.stack = stack;
    this.aws = aws;
    this.allowed = allowed;
    this.onRouted = onRouted;
    /** @type {Map<string, string>} the last state seen of each alarm, by Region/name */
    this.states = new Map();
  }

  /** Reads every deployed alarm once; routes each change into ALARM. Returns what was routed. */
  async poll() {
    /** @type {Routed[]} */
    const routed = [];
    for (const alarm of this.stack.deployment.alarms) {
      const reading = await readAlarm(this.aws, alarm);
      if (!reading) continue;
      const key = `${alarm.region}/${alarm.name}`;
      // An alarm first seen in ALARM has just left INSUFFICIENT_DATA: CloudWatch emitted that change too.
      const previous = this.states.get(key) ?? 'INSUFFICIENT_DATA';
      this.states.set(key, reading.state);
      if (reading.state !== 'ALARM' || previous === 'ALARM') continue;
      routed.push(await this.route(alarm, reading, previous));
    }
    return routed;
  }

  /** @param {any} alarm @param {any} reading @param {string} previous @returns {Promise<Routed>} */
  async route(alarm, reading, previous) {
    const event = alarmEvent(alarm, reading, this.stack.deployment.accountId);
    event.detail.previousState.value = previous;
    const routing = await routeEvent(this.stack.deployment, event, alarm.region, this.allowed);
    const started = [];
    for (const start of routing.starts) {
      // EventBridge names the executions it starts with a UUID.
      const { executionArn } = await startExecution(this.stack.clientFor(start.roleArn), start.stateMachineArn, randomUUID(), start.input);
      started.push({ executionArn, rule: start.rule });
    }
    const result = { alarm, previous, event, trace: routing.trace, started };
    this.onRouted(result);
    return result;
  }
}
