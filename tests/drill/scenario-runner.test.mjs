// The scenario runner on the real templates (translated and resolved by tools/stack) with the real failover
// definition, against a fake lab, fake AWS calls and a fake emulator that answers as the three functions would for a
// clean failover. The alarm event is routed through the deployed EventBridge rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DrillDeployment } from '../../tools/drill/lib/drill-deployment.mjs';
import { Progress } from '../../tools/drill/lib/progress.mjs';
import { runScenario } from '../../tools/drill/lib/scenario-runner.mjs';
import { validateScenario } from '../../tools/drill/lib/scenario-schema.mjs';
import { ROOT, labEnv, parameterFileForTree } from '../stack/support/lab.mjs';
import { fakeServer } from './support/fake-server.mjs';
import { SECONDARY, sampleLab } from './support/fixtures.mjs';

const PARAMETER_FILE = parameterFileForTree();
/** The ids the fake Route 53 assigns to the health checks the main stack creates. */
const CREATED_IDS = { PrimaryHealthCheck: 'c0ffee00-0000-4000-8000-000000000001', SecondaryHealthCheck: 'c0ffee00-0000-4000-8000-000000000002' };

/** Function answers for a failover that goes well, by "Function.operation". */
function functionAnswer(name, request) {
  const now = new Date().toISOString();
  switch (`${name}.${request.operation}`) {
    case 'HealthValidator.assess':
      return {
        incidentId: 'dr-x',
        decision: { action: 'Failover', targetRegion: SECONDARY, targetClusterArn: 'arn:aws:rds:ap-northeast-1:111122223333:cluster:app', allowDataLoss: true, dryRun: false, drainFirst: false, reasons: [] },
        desiredWeights: [{ setIdentifier: 'tpe', weight: 0 }, { setIdentifier: 'nrt', weight: 100 }],
        notice: { subject: 'Failover', message: 'Failing over' },
      };
    case 'AuroraPromoter.start':
      return { outcome: 'Started', targetClusterArn: request.targetClusterArn, startedAt: now };
    case 'AuroraPromoter.status':
      return { status: 'Completed', targetClusterArn: request.targetClusterArn, startedAt: request.startedAt, timedOut: false };
    case 'DnsUpdater.apply':
      return { changeIds: [], status: 'INSYNC', submittedAt: now };
    case 'DnsUpdater.associate':
      return {
        changeIds: ['/change/C-ASSOCIATE'], status: 'PENDING', submittedAt: now, unchanged: 0,
        changed: [{ setIdentifier: 'tpe', from: null, to: CREATED_IDS.PrimaryHealthCheck }, { setIdentifier: 'nrt', from: null, to: CREATED_IDS.SecondaryHealthCheck }],
      };
    case 'HealthValidator.verify':
      return { outcome: 'Recovered', subject: 'Recovered', summary: 'All checks passed.', pin: { state: 'Landed' } };
    default:
      return { unexpected: true };
  }
}

/** An in-memory lab control API. */
function fakeLab() {
  const calls = [];
  const state = () => ({
    alarms: [],
    database: { writerRegion: SECONDARY, operations: [], currentOperation: null },
    dns: { weights: [], changes: [] },
    lostWrites: { count: 0, spanSeconds: 0, modelSpanSeconds: 0, events: [] },
    messages: [],
    faults: [],
  });
  return {
    calls,
    reset: async () => calls.push(['reset']),
    setObserver: async (region) => calls.push(['setObserver', region]),
    state: async () => state(),
    addFaults: async (faults) => {
      calls.push(['addFaults', faults]);
      return faults.map((fault, index) => ({ id: `f${index}`, status: 'active', startsAt: new Date().toISOString(), endsAt: null, ...fault }));
    },
    clearFaults: async () => calls.push(['clearFaults']),
    finishExecution: async (finish) => calls.push(['finishExecution', finish]),
  };
}

/**
 * AWS as the lab serves it, shared by every identity (each call records whose key signed it): DescribeAlarms answers
 * ALARM from the `alarmAfterPolls`-th read of the alarm, StartExecution and Publish succeed.
 */
function fakeAws({ alarmAfterPolls = 2 } = {}) {
  const calls = [];
  let polls = 0;
  const client = (accessKeyId) => ({
    json: async (service, region, target, payload, version = '1.0') => {
      calls.push({ accessKeyId, service, region, target, payload, version });
      if (target.startsWith('AmazonSSM.')) return { Version: 1, Tier: 'Standard' };
      return { executionArn: payload.stateMachineArn.replace(':stateMachine:', ':execution:') + `:${payload.name}`, startDate: Date.now() / 1000 };
    },
    query: async (service, region, parameters) => {
      calls.push({ accessKeyId, service, region, parameters });
      if (parameters.Action === 'DescribeAlarms') {
        const state = ++polls >= alarmAfterPolls ? 'ALARM' : 'OK';
        return `<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms><member><AlarmName>${parameters['AlarmNames.member.1']}</AlarmName><StateValue>${state}</StateValue><StateReason>Threshold Crossed</StateReason><StateUpdatedTimestamp>${new Date().toISOString()}</StateUpdatedTimestamp></member></MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>`;
      }
      return '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>';
    },
  });
  return { calls, admin: client('AKIDDRLAB'), client };
}

function scenario(steps, extra = {}) {
  return validateScenario({ name: 'test', title: 'Test', steps, expect: { finalWriter: 'secondary' }, ...extra }, 'test.json');
}

const ALARM_STEPS = [
  { do: 'inject', faults: [{ kind: 'RegionOutage', region: 'primary' }] },
  { do: 'waitForAlarm', region: 'primary' },
  { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary' } }] },
];

describe('runScenario', () => {
  let emulator;
  const invoked = [];
  before(async () => {
    emulator = await fakeServer((request, body) => {
      const physical = decodeURIComponent(/functions\/([^/]+)\/invocations/.exec(request.url)[1]);
      const code = /-(HealthValidator|AuroraPromoter|DnsUpdater)Function-/.exec(physical)?.[1] ?? physical;
      invoked.push({ at: Date.now(), call: `${code}.${JSON.parse(body).operation}` });
      return { body: JSON.stringify(functionAnswer(code, JSON.parse(body))), headers: { 'x-drlambdas-status': 'Success' } };
    });
  });
  after(() => emulator.close());

  /** The context of a run: the real deployment of the templates with fake lab calls; `simulated` records IAM questions. */
  function context(labClient, aws, { edit, deny = () => false } = {}) {
    // The lab states model durations in its wall clock: at ×1000, 30 model seconds are 0.03 s.
    const env = { ...labEnv(), DR_HEALTH_CHECK_INTERVAL_SECONDS: '0.03', DR_ALARM_EVALUATION_SECONDS: '0.06', DR_DNS_TTL_SECONDS: '0.06',
      DR_PROMOTION_ESTIMATE_SECONDS: '0.06', DR_SWITCHOVER_ESTIMATE_SECONDS: '0.12', DR_PROPAGATION_ESTIMATE_SECONDS: '0.06' };
    const lab = sampleLab({ timeScale: 1000, env });
    const deployed = { roles: [], resources: 0, hosted: [], simulated: [], createdChecks: 0 };
    const deployments = new DrillDeployment({
      root: ROOT, lab, admin: aws.admin, parameterFile: PARAMETER_FILE, edit,
      deployHealthChecks: async (deployment) => {
        deployed.createdChecks += deployment.healthChecks.length;
        return { main: CREATED_IDS };
      },
      deployRoles: async (deployment) => {
        deployed.roles = deployment.roles;
        return Object.fromEntries(deployment.roles.map((role) => [role.arn, { accessKeyId: `AKID-${role.logicalId}`, secretAccessKey: 's' }]));
      },
      deployResources: async () => { deployed.resources += 1; },
      clientFactory: (keys) => aws.client(keys.accessKeyId),
    });
    return {
      deployed,
      lab,
      labClient,
      aws: aws.admin,
      deployments,
      simulate: async (request) => {
        deployed.simulated.push(request);
        return { decision: deny(request) ? 'implicitDeny' : 'allowed', matchedStatement: null };
      },
      emulators: { acquire: async (functions, region) => { deployed.hosted.push({ functions, region }); return { url: emulator.url, crashInjector: null }; } },
      progress: new Progress({ quiet: true }),
    };
  }

  it('RunScenario_OutageAlarmAndStart_RoutesTheAlarmEventAndRunsTheDeployedMachine', async () => {
    const lab = fakeLab();
    const aws = fakeAws();
    const ctx = context(lab, aws);

    const result = await runScenario(scenario(ALARM_STEPS), ctx);

    assert.deepEqual(result.stepErrors, []);
    assert.equal(result.records[0].status, 'SUCCEEDED', JSON.stringify(result.records[0].states.map((s) => [s.name, s.outcome, s.error, s.cause])));
    assert.equal(result.records[0].decision, 'Failover');
    assert.deepEqual(result.marks.map((mark) => mark.kind), ['fault', 'alarm', 'trigger']);
    assert.deepEqual(lab.calls.slice(0, 2), [['reset'], ['setObserver', SECONDARY]]);
    const describe = aws.calls.find((call) => call.parameters?.Action === 'DescribeAlarms');
    assert.deepEqual([describe.region, describe.parameters['AlarmNames.member.1']], ['us-east-1', 'drlambdas-primary-health-check']);
    const start = aws.calls.find((call) => call.target === 'AWSStepFunctions.StartExecution');
    assert.equal(start.payload.stateMachineArn, `arn:aws:states:${SECONDARY}:111122223333:stateMachine:drlambdas-failover`);
    assert.equal(start.accessKeyId, 'AKID-FailoverTriggerRole', 'EventBridge starts the machine with the rule role');
    const input = JSON.parse(start.payload.input);
    assert.deepEqual([input.region, input.detail.alarmName], ['us-east-1', 'drlambdas-primary-health-check']);
    const forwarded = ctx.deployed.simulated.find((request) => request.action === 'events:PutEvents');
    assert.equal(forwarded.resource, `arn:aws:events:${SECONDARY}:111122223333:event-bus/default`);
    const publish = aws.calls.find((call) => call.service === 'sns');
    assert.equal(publish.accessKeyId, 'AKID-OrchestrationRole', 'the machine publishes as its role');
    assert.match(publish.parameters.TopicArn, new RegExp(`^arn:aws:sns:${SECONDARY}:111122223333:drlambdas-AlertTopic-`));
    // The machine's Tasks invoke as its role (the scheduled readiness invokes as its schedule's role).
    const invokes = ctx.deployed.simulated.filter((request) => request.action === 'lambda:InvokeFunction' && !/ScheduleRole/.test(request.principal));
    assert.ok(invokes.length > 0);
    assert.ok(invokes.every((request) => /role\/drlambdas-OrchestrationRole-/.test(request.principal)), JSON.stringify(invokes.map((r) => r.principal)));
    const finish = lab.calls.find((call) => call[0] === 'finishExecution')[1];
    assert.equal(finish.status, 'SUCCEEDED');
  });

  it('RunScenario_PauseStep_WritesThePauseDocumentToTheDeployedParameterAsTheAdministrator', async () => {
    const aws = fakeAws();
    const before = Date.now();

    const result = await runScenario(scenario([{ do: 'pause', reason: 'maintenance', pausedBy: 'arn:aws:iam::111122223333:user/alice', forSeconds: 7200 }, ...ALARM_STEPS]), context(fakeLab(), aws));

    assert.deepEqual(result.stepErrors, []);
    const put = aws.calls.find((call) => call.target === 'AmazonSSM.PutParameter');
    assert.deepEqual([put.accessKeyId, put.service, put.region, put.version], ['AKIDDRLAB', 'ssm', SECONDARY, '1.1']);
    assert.deepEqual([put.payload.Name, put.payload.Type, put.payload.Overwrite], ['/drlambdas/drlambdas/pause', 'String', true]);
    const document = JSON.parse(put.payload.Value);
    assert.deepEqual(Object.keys(document), ['pausedBy', 'reason', 'pausedAt', 'expiresAt']);
    assert.deepEqual([document.pausedBy, document.reason], ['arn:aws:iam::111122223333:user/alice', 'maintenance']);
    assert.match(document.pausedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const lasts = Date.parse(document.expiresAt) - Date.parse(document.pausedAt);
    assert.ok(Math.abs(lasts - 7200) <= 1000, `7200 model seconds at ×1000 last 7.2 wall seconds, got ${lasts} ms`);
    assert.ok(Date.parse(document.pausedAt) >= before - 1000);
    assert.equal(result.marks[0].kind, 'operator');
  });

  it('RunScenario_PutParameterStep_WritesTheValueAsIs', async () => {
    const aws = fakeAws();

    await runScenario(scenario([{ do: 'putParameter', parameter: 'pause', value: 'not a document' }, ...ALARM_STEPS]), context(fakeLab(), aws));

    const put = aws.calls.find((call) => call.target === 'AmazonSSM.PutParameter');
    assert.deepEqual([put.payload.Name, put.payload.Value], ['/drlambdas/drlambdas/pause', 'not a document']);
  });

  it('RunScenario_CreatedHealthChecks_AssociateRunsBeforeTheStepsAndIsSetUp', async () => {
    const lab = fakeLab();
    const ctx = context(lab, fakeAws());
    invoked.length = 0;

    const result = await runScenario(scenario(ALARM_STEPS), ctx);

    assert.equal(ctx.deployed.createdChecks, 2);
    assert.equal(invoked[0].call, 'DnsUpdater.associate');
    assert.equal(invoked.filter((entry) => entry.call === 'DnsUpdater.associate').length, 1);
    assert.ok(invoked[0].at <= result.startedAt, 'associate runs before the scenario starts');
    assert.deepEqual(result.setupChangeIds, ['/change/C-ASSOCIATE']);
    const dns = ctx.deployed.hosted[0].functions.find((fn) => fn.code === 'DnsUpdater');
    assert.equal(dns.env.DR_PRIMARY_HEALTH_CHECK_ID, CREATED_IDS.PrimaryHealthCheck);
  });

  it('RunScenario_DeployedFunctions_HostedWithTemplateEnvironmentRoleKeysMemoryAndTimeout', async () => {
    const ctx = context(fakeLab(), fakeAws());

    await runScenario(scenario(ALARM_STEPS), ctx);

    const { functions, region } = ctx.deployed.hosted[0];
    assert.equal(region, SECONDARY);
    const dns = functions.find((fn) => fn.code === 'DnsUpdater');
    assert.equal(dns.env.AWS_ACCESS_KEY_ID, 'AKID-DnsUpdaterRole');
    assert.equal(dns.env.AWS_ENDPOINT_URL, ctx.lab.baseUrl);
    assert.equal(dns.env.DR_RECORD_NAME, 'api.example.com');
    assert.equal(dns.env.DR_STATE_MACHINE_ARN, `arn:aws:states:${SECONDARY}:111122223333:stateMachine:drlambdas-failover`);
    assert.equal(dns.env.DR_COOLDOWN_SECONDS, '2', 'a clock duration is scaled to the lab (1800 s at ×1000)');
    assert.equal(dns.env.DR_HEALTH_CHECK_INTERVAL_SECONDS, '30', 'a budget input stays in model seconds');
    assert.deepEqual([dns.memorySize, dns.timeout], [256, 30]);
    assert.equal(ctx.deployed.resources, 1);
  });

  it('RunScenario_RuleWithoutTheHealthCheckAlarms_StartsNothingAndSaysWhy', async () => {
    const aws = fakeAws();
    const withoutHealthCheckAlarms = (stack, template) => {
      if (stack !== 'main') return;
      const alarmName = template.Resources.FailoverTriggerRule.Properties.EventPattern.detail.alarmName;
      const lists = alarmName['Fn::Split'][1]['Fn::Join'][1];
      alarmName['Fn::Split'][1]['Fn::Join'][1] = lists.filter((item) => !/HealthCheckAlarmName/.test(JSON.stringify(item)));
    };

    const result = await runScenario(scenario(ALARM_STEPS), context(fakeLab(), aws, { edit: withoutHealthCheckAlarms }));

    assert.equal(result.records.length, 0);
    assert.match(result.stepErrors[0], /step 3 \(start\): the ALARM event of drlambdas-primary-health-check \(us-east-1\) starts no execution/);
    assert.match(result.stepErrors[0], /ap-northeast-1\/default: no rule matches/);
    assert.equal(aws.calls.some((call) => call.target === 'AWSStepFunctions.StartExecution'), false);
  });

  it('RunScenario_ForwarderRoleMayNotPutEvents_TheEventIsDroppedAndNothingStarts', async () => {
    const deny = (request) => request.action === 'events:PutEvents';

    const result = await runScenario(scenario(ALARM_STEPS), context(fakeLab(), fakeAws(), { deny }));

    assert.match(result.stepErrors[0], /may not events:PutEvents/);
    assert.equal(result.records.length, 0);
  });

  it('RunScenario_MachineRoleMayNotInvoke_TaskFailsWithAWSLambdaException', async () => {
    const deny = (request) => request.action === 'lambda:InvokeFunction' && /DnsUpdater/.test(request.resource);

    const result = await runScenario(scenario(ALARM_STEPS), context(fakeLab(), fakeAws(), { deny }));

    const denied = result.records[0].invocations.find((invocation) => invocation.target.includes('DnsUpdater'));
    assert.equal(denied.error.name, 'Lambda.AWSLambdaException');
    assert.match(denied.error.message, /not authorized to perform: lambda:InvokeFunction .*AccessDeniedException/);
  });

  it('RunScenario_AlarmNeverFires_StopsWithAStepErrorAndStartsNothing', async () => {
    const aws = fakeAws({ alarmAfterPolls: Number.POSITIVE_INFINITY });
    const steps = [
      { do: 'waitForAlarm', region: 'primary', timeoutSeconds: 60 },
      { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary' } }] },
    ];

    const result = await runScenario(scenario(steps), context(fakeLab(), aws));

    assert.equal(result.stepErrors.length, 1);
    assert.match(result.stepErrors[0], /^step 1 \(waitForAlarm\): alarm drlambdas-primary-health-check did not reach ALARM within 60 s/);
    assert.deepEqual(result.records, []);
    assert.equal(aws.calls.some((call) => call.target === 'AWSStepFunctions.StartExecution'), false);
  });

  it('RunScenario_HookOnATask_InjectsBeforeThatInvocationAndClearEndsFaultMarks', async () => {
    const lab = fakeLab();
    const steps = [
      { do: 'inject', faults: [{ kind: 'AppOutage', region: 'primary' }] },
      { do: 'start', executions: [{ id: 'manual', machine: 'failover', trigger: { manual: { mode: 'failover', targetRegion: 'secondary' } } }] },
      { do: 'clearFaults' },
    ];
    const hooks = [{ when: { execution: 'manual', task: 'Verify' }, inject: [{ kind: 'Throttling', rate: 0.5 }] }];
    const aws = fakeAws();

    const result = await runScenario(scenario(steps, { hooks }), context(lab, aws));

    assert.deepEqual(result.unfiredHooks, []);
    assert.deepEqual(lab.calls.filter((call) => call[0] === 'addFaults').map((call) => call[1][0].kind), ['AppOutage', 'Throttling']);
    const verify = result.records[0].invocations.find((invocation) => invocation.state === 'Verify');
    assert.ok(result.hookEvents[0].at <= verify.from, 'the fault is in place before Verify is invoked');
    const clearedAt = result.marks.find((mark) => mark.kind === 'clear').at;
    assert.ok(result.marks.filter((mark) => mark.kind === 'fault').every((mark) => mark.until === clearedAt));
    assert.deepEqual(result.records[0].input, { mode: 'failover', targetRegion: SECONDARY });
    assert.equal(aws.calls.find((call) => call.target === 'AWSStepFunctions.StartExecution').accessKeyId, 'AKIDDRLAB', 'an operator starts manual executions');
  });

  it('RunScenario_ConfigurationAndSubstitutions_AreTemplateParameterOverrides', async () => {
    const ctx = context(fakeLab(), fakeAws());
    const steps = [{ do: 'start', executions: [{ id: 'back', machine: 'failback', trigger: { manual: { mode: 'failback' } } }] }];
    const extra = { configuration: { DR_FAILBACK_CHECK_INTERVAL_SECONDS: 60, DR_RTO_TARGET_SECONDS: 90 }, substitutions: { FailbackMaxChecks: 20 } };

    const result = await runScenario(scenario(steps, extra), ctx);

    const env = ctx.deployed.hosted[0].functions[0].env;
    assert.equal(env.DR_FAILBACK_CHECK_INTERVAL_SECONDS, '1', '60 model seconds at ×1000, at least one');
    assert.equal(env.DR_RTO_TARGET_SECONDS, '90');
    assert.equal(result.model.DR_FAILBACK_CHECK_INTERVAL_SECONDS, 60);
    assert.equal(result.model.DR_RTO_TARGET_SECONDS, 90);
    const stack = await ctx.deployments.forScenario(scenario(steps, extra), SECONDARY);
    const text = stack.machine('failback').definitionText;
    assert.match(text, /States\.StringToJson\('1'\)/, 'the interval substitution is the scaled parameter');
    assert.match(text, /States\.StringToJson\('20'\)/, 'FailbackMaxChecks comes from the scenario');
  });
});
