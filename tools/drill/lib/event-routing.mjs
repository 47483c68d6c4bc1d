// @ts-check
// EventBridge as the deployed templates define it: an event put on a Region's default bus goes to every enabled rule
// of that bus whose pattern matches; a target that is another Region's event bus forwards it (the rule's role must
// be allowed events:PutEvents on that bus), a state machine target starts an execution with the rule's role.
import { matchesPattern } from '../../stack/event-pattern.mjs';

const BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/(.+)$/;
const MACHINE_ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):stateMachine:(.+)$/;
const MAX_HOPS = 3;

/**
 * @typedef {{ stateMachineArn: string, roleArn: string, rule: string, region: string, input: any }} Start
 * @typedef {{ starts: Start[], trace: string[] }} Routing
 * @typedef {(roleArn: string, action: string, resource: string, region: string) => Promise<boolean>} Authorize
 */

/**
 * Routes `event` put on the default bus of `region` through the deployment's rules. `authorize` answers the IAM
 * question for cross-Region forwarding. Returns the executions to start and a trace of what happened.
 * @param {{ rules: any[] }} deployment @param {any} event @param {string} region @param {Authorize} authorize
 * @returns {Promise<Routing>}
 */
export async function routeEvent(deployment, event, region, authorize) {
  /** @type {Routing} */
  const routing = { starts: [], trace: [] };
  await deliver(deployment, event, region, 'default', authorize, routing, 0);
  return routing;
}

async function deliver(deployment, event, region, bus, authorize, routing, hops) {
  const rules = deployment.rules.filter((rule) => rule.region === region && rule.eventBusName === bus && rule.eventPattern && rule.state === 'ENABLED');
  const matched = rules.filter((rule) => matchesPattern(rule.eventPattern, event));
  routing.trace.push(`${region}/${bus}: ${matched.length === 0 ? `no rule matches (${rules.length} enabled with a pattern)` : `matched ${matched.map((rule) => rule.name).join(', ')}`}`);
  for (const rule of matched) {
    for (const target of rule.targets) {
      const bus = BUS_ARN.exec(target.arn);
      const machine = MACHINE_ARN.exec(target.arn);
      if (bus) {
        if (hops + 1 >= MAX_HOPS) {
          routing.trace.push(`${rule.name}: not forwarded to ${target.arn} (more than ${MAX_HOPS} hops)`);
          continue;
        }
        if (!(await authorize(target.roleArn, 'events:PutEvents', target.arn, bus[1]))) {
          routing.trace.push(`${rule.name}: its role ${target.roleArn} may not events:PutEvents on ${target.arn}; the event is dropped`);
          continue;
        }
        routing.trace.push(`${rule.name}: forwarded to ${target.arn}`);
        await deliver(deployment, event, bus[1], bus[3], authorize, routing, hops + 1);
      } else if (machine) {
        const input = target.input !== undefined ? JSON.parse(target.input) : event;
        routing.starts.push({ stateMachineArn: target.arn, roleArn: target.roleArn, rule: rule.name, region: machine[1], input });
        routing.trace.push(`${rule.name}: starts ${target.arn}`);
      } else {
        routing.trace.push(`${rule.name}: target ${target.arn} is not modelled by the drill`);
      }
    }
  }
}
