// The scenario runner with the real failover definition, a fake lab, fake AWS calls and a fake emulator that
// answers as the three functions would for a clean failover.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Progress } from '../../tools/drill/lib/progress.mjs';
import { runScenario } from '../../tools/drill/lib/scenario-runner.mjs';
import { validateScenario } from '../../tools/drill/lib/scenario-schema.mjs';
import { fakeServer } from './support/fake-server.mjs';
import { PRIMARY, SECONDARY, sampleLab } from './support/fixtures.mjs';

const DEFINITIONS = {
  failover: fileURLToPath(new URL('../../statemachine/failover.asl.json', import.meta.url)),
  failback: fileURLToPath(new URL('../../statemachine/failback.asl.json', import.meta.url)),
};

/** Function answers for a failover that goes well, by "Function.operation". */
function functionAnswer(name, request) {
  const now = new Date().toISOString();
  switch (`${name}.${request.operation}`) {
    case 'HealthValidator.assess':
      return {
        incidentId: 'dr-x',
        decision: { action: 'Failover', targetRegion: SECONDARY, targetClusterArn: 'arn:aws:rds:ap-northeast-1:111122223333:cluster:app', allowDataLoss: true, dryRun: false, reasons: [] },
        desiredWeights: [{ setIdentifier: 'tpe', weight: 0 }, { setIdentifier: 'nrt', weight: 100 }],
        notice: { subject: 'Failover', message: 'Failing over' },
      };
    case 'AuroraPromoter.start':
      return { outcome: 'Started', targetClusterArn: request.targetClusterArn, startedAt: now };
    case 'AuroraPromoter.status':
      return { status: 'Completed', targetClusterArn: request.targetClusterArn, startedAt: request.startedAt, timedOut: false };
    case 'DnsUpdater.apply':
      return { changeIds: [], status: 'INSYNC', submittedAt: now };
    case 'HealthValidator.verify':
      return { outcome: 'Recovered', subject: 'Recovered', summary: 'All checks passed.' };
    default:
      return { unexpected: true };
  }
}

/** An in-memory lab: the alarm enters ALARM at the `alarmAfterPolls`-th state read. */
function fakeLab({ alarmAfterPolls = 2 } = {}) {
  const calls = [];
  let polls = 0;
  const state = () => ({
    alarms: [{ name: `drlab-${PRIMARY}-unhealthy`, state: ++polls >= alarmAfterPolls ? 'ALARM' : 'OK', updatedAt: new Date().toISOString(), reason: 'Threshold Crossed' }],
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

function fakeAws() {
  const calls = [];
  return {
    calls,
    json: async (service, region, target, payload) => {
      calls.push({ service, region, target, payload });
      const name = payload.name;
      return { executionArn: payload.stateMachineArn.replace(':stateMachine:', ':execution:') + `:${name}`, startDate: Date.now() / 1000 };
    },
    query: async (service, region, parameters) => {
      calls.push({ service, region, parameters });
      return '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>';
    },
  };
}

function scenario(steps, extra = {}) {
  return validateScenario({ name: 'test', title: 'Test', steps, expect: { finalWriter: 'secondary' }, ...extra }, 'test.json');
}

describe('runScenario', () => {
  let emulator;
  before(async () => {
    emulator = await fakeServer((request, body) => {
      const name = /functions\/([^/]+)\/invocations/.exec(request.url)[1];
      return { body: JSON.stringify(functionAnswer(name, JSON.parse(body))), headers: { 'x-drlambdas-status': 'Success' } };
    });
  });
  after(() => emulator.close());

  function context(lab, aws) {
    return {
      lab: sampleLab({ timeScale: 1000 }),
      labClient: lab,
      aws,
      emulators: { acquire: async () => ({ url: emulator.url, crashInjector: null }) },
      definitionPaths: DEFINITIONS,
      progress: new Progress({ quiet: true }),
    };
  }

  it('RunScenario_OutageAlarmAndStart_RunsTheRealMachineAndRecordsTheWorld', async () => {
    const lab = fakeLab();
    const aws = fakeAws();
    const steps = [
      { do: 'inject', faults: [{ kind: 'RegionOutage', region: 'primary' }] },
      { do: 'waitForAlarm', region: 'primary' },
      { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary' } }] },
    ];

    const result = await runScenario(scenario(steps), context(lab, aws));

    assert.deepEqual(result.stepErrors, []);
    assert.equal(result.records[0].status, 'SUCCEEDED');
    assert.equal(result.records[0].decision, 'Failover');
    assert.deepEqual(result.marks.map((mark) => mark.kind), ['fault', 'alarm', 'trigger']);
    assert.deepEqual(lab.calls[0], ['reset']);
    assert.deepEqual(lab.calls[1], ['setObserver', SECONDARY]);
    assert.deepEqual(lab.calls[2], ['addFaults', [{ kind: 'RegionOutage', region: PRIMARY }]]);
    const start = aws.calls.find((call) => call.target === 'AWSStepFunctions.StartExecution');
    assert.equal(start.payload.stateMachineArn, `arn:aws:states:${SECONDARY}:111122223333:stateMachine:dr-failover`);
    assert.equal(start.payload.input.includes('"alarmName":"drlab-ap-east-2-unhealthy"'), true);
    const publish = aws.calls.find((call) => call.service === 'sns');
    assert.deepEqual([publish.parameters.Subject, publish.parameters['MessageAttributes.entry.1.Value.StringValue']], ['Recovered', 'high']);
    const finish = lab.calls.find((call) => call[0] === 'finishExecution')[1];
    assert.equal(finish.status, 'SUCCEEDED');
    assert.equal(JSON.parse(finish.output).assessment.decision.action, 'Failover');
  });

  it('RunScenario_AlarmNeverFires_StopsWithAStepErrorAndStartsNothing', async () => {
    const lab = fakeLab({ alarmAfterPolls: Number.POSITIVE_INFINITY });
    const aws = fakeAws();
    const steps = [
      { do: 'waitForAlarm', region: 'primary', timeoutSeconds: 60 },
      { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary' } }] },
    ];

    const result = await runScenario(scenario(steps), context(lab, aws));

    assert.equal(result.stepErrors.length, 1);
    assert.match(result.stepErrors[0], /^step 1 \(waitForAlarm\): alarm drlab-ap-east-2-unhealthy did not reach ALARM within 60 s/);
    assert.deepEqual(result.records, []);
    assert.deepEqual(aws.calls, []);
  });

  it('RunScenario_HookOnATask_InjectsBeforeThatInvocationAndClearEndsFaultMarks', async () => {
    const lab = fakeLab();
    const steps = [
      { do: 'inject', faults: [{ kind: 'AppOutage', region: 'primary' }] },
      { do: 'start', executions: [{ id: 'manual', machine: 'failover', trigger: { manual: { mode: 'failover', targetRegion: 'secondary' } } }] },
      { do: 'clearFaults' },
    ];
    const hooks = [{ when: { execution: 'manual', task: 'Verify' }, inject: [{ kind: 'Throttling', rate: 0.5 }] }];

    const result = await runScenario(scenario(steps, { hooks }), context(lab, fakeAws()));

    assert.deepEqual(result.unfiredHooks, []);
    assert.deepEqual(lab.calls.filter((call) => call[0] === 'addFaults').map((call) => call[1][0].kind), ['AppOutage', 'Throttling']);
    const verify = result.records[0].invocations.find((invocation) => invocation.state === 'Verify');
    assert.ok(result.hookEvents[0].at <= verify.from, 'the fault is in place before Verify is invoked');
    const clearedAt = result.marks.find((mark) => mark.kind === 'clear').at;
    assert.ok(result.marks.filter((mark) => mark.kind === 'fault').every((mark) => mark.until === clearedAt));
    assert.deepEqual(result.records[0].input, { mode: 'failover', targetRegion: SECONDARY });
  });
});
