// EventBridge routing through the rules of a deployment (the project's templates are covered by
// scenario-runner.test.mjs; these are the routing rules themselves).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeEvent } from '../../tools/drill/lib/event-routing.mjs';

const BUS = 'arn:aws:events:ap-northeast-1:111122223333:event-bus/default';
const MACHINE = 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:m';
const EVENT = { source: 'aws.cloudwatch', region: 'us-east-1', detail: { alarmName: 'a', state: { value: 'ALARM' } } };
const pattern = { source: ['aws.cloudwatch'], detail: { alarmName: ['a'] } };

function rule(name, region, target, extra = {}) {
  return { name, region, eventBusName: 'default', state: 'ENABLED', eventPattern: pattern, targets: [target], ...extra };
}

const allowAll = async () => true;

describe('routeEvent', () => {
  it('RouteEvent_ForwardedThenMatched_StartsTheMachineWithTheRuleRoleAndTheEvent', async () => {
    const rules = [rule('fwd', 'us-east-1', { arn: BUS, roleArn: 'r-fwd' }), rule('start', 'ap-northeast-1', { arn: MACHINE, roleArn: 'r-start' })];

    const routing = await routeEvent({ rules }, EVENT, 'us-east-1', allowAll);

    assert.deepEqual(routing.starts, [{ stateMachineArn: MACHINE, roleArn: 'r-start', rule: 'start', region: 'ap-northeast-1', input: EVENT }]);
  });

  it('RouteEvent_RuleInAnotherRegion_DoesNotSeeTheEvent', async () => {
    const routing = await routeEvent({ rules: [rule('start', 'ap-northeast-1', { arn: MACHINE, roleArn: 'r' })] }, EVENT, 'us-east-1', allowAll);

    assert.deepEqual(routing.starts, []);
    assert.match(routing.trace[0], /us-east-1\/default: no rule matches/);
  });

  it('RouteEvent_DisabledRuleOrScheduleRule_IsIgnored', async () => {
    const rules = [rule('off', 'us-east-1', { arn: MACHINE, roleArn: 'r' }, { state: 'DISABLED' }), rule('cron', 'us-east-1', { arn: MACHINE, roleArn: 'r' }, { eventPattern: undefined })];

    assert.deepEqual((await routeEvent({ rules }, EVENT, 'us-east-1', allowAll)).starts, []);
  });

  it('RouteEvent_ForwardingDenied_DropsTheEventAndChecksTheBusInItsRegion', async () => {
    const asked = [];
    const rules = [rule('fwd', 'us-east-1', { arn: BUS, roleArn: 'r-fwd' }), rule('start', 'ap-northeast-1', { arn: MACHINE, roleArn: 'r' })];

    const routing = await routeEvent({ rules }, EVENT, 'us-east-1', async (...question) => { asked.push(question); return false; });

    assert.deepEqual(asked, [['r-fwd', 'events:PutEvents', BUS, 'ap-northeast-1']]);
    assert.deepEqual(routing.starts, []);
  });

  it('RouteEvent_ConstantInput_ReplacesTheEvent', async () => {
    const rules = [rule('start', 'us-east-1', { arn: MACHINE, roleArn: 'r', input: '{"mode":"failback"}' })];

    assert.deepEqual((await routeEvent({ rules }, EVENT, 'us-east-1', allowAll)).starts[0].input, { mode: 'failback' });
  });
});
