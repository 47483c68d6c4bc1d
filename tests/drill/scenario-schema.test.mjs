import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScenarioError } from '../../tools/drill/lib/errors.mjs';
import { validateScenario } from '../../tools/drill/lib/scenario-schema.mjs';

function minimal(overrides = {}) {
  return {
    name: 'sample',
    title: 'Sample',
    steps: [
      { do: 'inject', faults: [{ kind: 'RegionOutage', region: 'primary' }] },
      { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary' } }] },
    ],
    expect: { finalWriter: 'secondary' },
    ...overrides,
  };
}

function problemsOf(document) {
  try {
    validateScenario(document, 'sample.json');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateScenario', () => {
  it('ValidateScenario_MinimalScenario_NormalisesDefaults', () => {
    const scenario = validateScenario(minimal(), 'sample.json');

    assert.equal(scenario.observer, 'secondary');
    assert.equal(scenario.isDefault, false);
    assert.deepEqual(scenario.configuration, {});
    assert.deepEqual(scenario.hooks, []);
    assert.equal(scenario.steps[1].background, false);
    assert.deepEqual(scenario.steps[1].executions[0], { id: 'alarm', machine: 'failover', trigger: { alarm: 'primary', source: 'health-check' } });
  });

  it('ValidateScenario_SeveralProblems_ReportsEveryOneWithItsField', () => {
    const problems = problemsOf(minimal({
      name: 'Bad Name',
      steps: [{ do: 'inject', faults: [{ kind: 'Meteor' }] }, { do: 'start', executions: [{ id: 'a', machine: 'rollback', trigger: { alarm: 'tertiary' } }] }],
    }));

    assert.equal(problems.length, 4);
    assert.match(problems[0], /^steps\[0\]\.faults\[0\]\.kind: must be one of RegionOutage/);
    assert.match(problems[1], /^steps\[1\]\.executions\[0\]\.machine: must be one of failover, failback/);
    assert.match(problems[2], /^steps\[1\]\.executions\[0\]\.trigger\.alarm: must be one of primary, secondary/);
    assert.match(problems[3], /^name: 'Bad Name' does not match/);
  });

  it('ValidateScenario_NoStartStep_SaysAnExecutionIsNeeded', () => {
    const problems = problemsOf(minimal({ steps: [{ do: 'wait', seconds: 10 }] }));

    assert.deepEqual(problems, ['steps: no step starts an execution (add a step {"do":"start",...})']);
  });

  it('ValidateScenario_RegionalFaultWithoutRegion_NamesTheMissingRegion', () => {
    const problems = problemsOf(minimal({ steps: [{ do: 'inject', faults: [{ kind: 'AppOutage' }] }, minimal().steps[1]] }));

    assert.deepEqual(problems, ['steps[0].faults[0].region: AppOutage needs region (primary or secondary)']);
  });

  it('ValidateScenario_FieldThatDoesNotApplyToTheFault_IsRejected', () => {
    const problems = problemsOf(minimal({ steps: [{ do: 'inject', faults: [{ kind: 'Partition', region: 'primary' }] }, minimal().steps[1]] }));

    assert.equal(problems.length, 1);
    assert.match(problems[0], /^steps\[0\]\.faults\[0\]\.region: unknown field/);
  });

  it('ValidateScenario_DuplicateExecutionIds_IsRejected', () => {
    const start = { do: 'start', executions: [{ id: 'a', machine: 'failover', trigger: { alarm: 'primary' } }] };

    const problems = problemsOf(minimal({ steps: [start, start] }));

    assert.deepEqual(problems, ["steps[1].executions[0].id: 'a' is used by another execution"]);
  });

  it('ValidateScenario_HookOnUnknownExecution_IsRejected', () => {
    const problems = problemsOf(minimal({ hooks: [{ when: { execution: 'ghost', task: 'PromoteStart' }, crash: true }] }));

    assert.deepEqual(problems, ["hooks[0].when.execution: no execution has id 'ghost'"]);
  });

  it('ValidateScenario_HookWithTwoActions_IsRejected', () => {
    const problems = problemsOf(minimal({ hooks: [{ when: { execution: 'alarm', task: 'PromoteStart' }, crash: true, clearFaults: true }] }));

    assert.equal(problems.length, 1);
    assert.match(problems[0], /exactly one action/);
  });

  it('ValidateScenario_HookDefaults_FirstOccurrenceFirstAttempt', () => {
    const scenario = validateScenario(minimal({ hooks: [{ when: { execution: 'alarm', task: 'PromoteStart' }, crash: true }] }), 's.json');

    assert.deepEqual(scenario.hooks[0], { when: { execution: 'alarm', task: 'PromoteStart', occurrence: 1, attempt: 1 }, crash: true });
  });

  it('ValidateScenario_ExpectationsOfUnknownExecution_AreRejected', () => {
    const problems = problemsOf(minimal({ expect: { executions: { ghost: { status: 'SUCCEEDED' } } } }));

    assert.deepEqual(problems, ["expect.executions.ghost: no execution has id 'ghost'"]);
  });

  it('ValidateScenario_EmptyExpectations_AreRejected', () => {
    assert.deepEqual(problemsOf(minimal({ expect: {} })), ['expect: must state at least one expectation']);
  });

  it('ValidateScenario_UnknownDecisionInCounts_IsRejected', () => {
    const problems = problemsOf(minimal({ expect: { decisions: { Panic: 1 } } }));

    assert.equal(problems.length, 1);
    assert.match(problems[0], /^expect\.decisions\.Panic: must be one of None/);
  });

  it('ValidateScenario_ConfigurationOutsideTheContract_IsRejected', () => {
    const problems = problemsOf(minimal({ configuration: { DR_PRIMARY_REGION: 'us-east-1', DR_COOLDOWN_SECONDS: -1 } }));

    assert.equal(problems.length, 2);
    assert.match(problems[0], /^configuration\.DR_PRIMARY_REGION: not a function variable/);
    assert.match(problems[1], /^configuration\.DR_COOLDOWN_SECONDS: must be at least 0/);
  });

  it('ValidateScenario_TriggerWithTwoKinds_IsRejected', () => {
    const steps = [{ do: 'start', executions: [{ id: 'a', machine: 'failover', trigger: { alarm: 'primary', raw: {} } }] }];

    const problems = problemsOf(minimal({ steps }));

    assert.equal(problems.length, 1);
    assert.match(problems[0], /trigger: must have exactly one of alarm/);
  });

  it('ValidateScenario_RawTrigger_KeepsTheInputAsIs', () => {
    const raw = { detail: { alarmName: 42 } };
    const steps = [{ do: 'start', executions: [{ id: 'a', machine: 'failover', trigger: { raw } }] }];

    assert.deepEqual(validateScenario(minimal({ steps }), 's.json').steps[0].executions[0].trigger, { raw });
  });

  it('ValidateScenario_UserRtoExpectations_Kept', () => {
    const expect = { maxServingRtoSeconds: 180, maxWriteRtoSeconds: 300.5, maxFailedReads: 20000, maxFailedWrites: 0 };

    assert.deepEqual(validateScenario(minimal({ expect }), 'sample.json').expect, expect);
  });

  it('ValidateScenario_BadUserRtoExpectations_EachNamedWithItsField', () => {
    const problems = problemsOf(minimal({ expect: { maxServingRtoSeconds: -1, maxWriteRtoSeconds: '60', maxFailedReads: 1.5, maxFailedWrites: -2 } }));

    assert.equal(problems.length, 4);
    for (const field of ['maxServingRtoSeconds', 'maxWriteRtoSeconds', 'maxFailedReads', 'maxFailedWrites']) {
      assert.ok(problems.some((problem) => problem.startsWith(`expect.${field}:`)), `${field} in ${problems.join('; ')}`);
    }
  });

  it('ValidateScenario_NotAnObject_IsRejected', () => {
    assert.deepEqual(problemsOf([]), ['must be an object, got array']);
  });

  it('ValidateScenario_PauseStep_KeepsReasonExpiryAndDefaultsTheOperator', () => {
    const steps = [{ do: 'pause', reason: 'maintenance', forSeconds: 7200 }, ...minimal().steps];

    const [pause] = validateScenario(minimal({ steps }), 'sample.json').steps;

    assert.deepEqual(pause, { do: 'pause', reason: 'maintenance', pausedBy: 'arn:aws:sts::111122223333:assumed-role/dr-operator/drill', forSeconds: 7200 });
  });

  it('ValidateScenario_BadPauseStep_NamesEachField', () => {
    const steps = [{ do: 'pause', reason: '', forSeconds: 0, until: 'later' }, ...minimal().steps];

    const problems = problemsOf(minimal({ steps }));

    for (const field of ['reason', 'forSeconds']) {
      assert.ok(problems.some((problem) => problem.startsWith(`steps[0].${field}:`)), `${field} in ${problems.join('; ')}`);
    }
    assert.ok(problems.some((problem) => problem.includes('until')), problems.join('; '));
  });

  it('ValidateScenario_PutParameterStep_OnlyTheKnownParameters', () => {
    const ok = [{ do: 'putParameter', parameter: 'pause', value: 'not json' }, ...minimal().steps];
    const unknown = [{ do: 'putParameter', parameter: 'approvals', value: 'x' }, ...minimal().steps];

    assert.deepEqual(validateScenario(minimal({ steps: ok }), 'sample.json').steps[0], { do: 'putParameter', parameter: 'pause', value: 'not json' });
    assert.ok(problemsOf(minimal({ steps: unknown })).some((problem) => problem.startsWith('steps[0].parameter:')));
  });

  it('ValidateScenario_AwaitApprovalStep_DefaultsTheTimeout', () => {
    const steps = [...minimal().steps, { do: 'awaitApproval', execution: 'alarm' }];

    const awaited = validateScenario(minimal({ steps }), 'sample.json').steps[2];

    assert.equal(awaited.do, 'awaitApproval');
    assert.equal(awaited.execution, 'alarm');
    assert.ok(awaited.timeoutSeconds > 0, JSON.stringify(awaited));
  });

  it('ValidateScenario_AwaitApprovalOfAnExecutionNotStartedBefore_IsRejected', () => {
    const steps = [{ do: 'awaitApproval', execution: 'alarm', reason: 'x' }, ...minimal().steps];

    const problems = problemsOf(minimal({ steps }));

    assert.ok(problems.some((problem) => problem.startsWith('steps[0].execution:') && problem.includes("'alarm'")), problems.join('; '));
    assert.ok(problems.some((problem) => problem.includes('reason')), problems.join('; '));
  });

  it('ValidateScenario_MisconfigureAndReadinessSteps_AreNormalised', () => {
    const scenario = validateScenario(minimal({
      steps: [
        { do: 'misconfigure', misconfigurations: [{ kind: 'DetachCluster', region: 'secondary' }] },
        { do: 'readiness' },
        ...minimal().steps,
      ],
      expect: { readinessCodes: ['ClusterNotMember'] },
    }), 'sample.json');

    assert.deepEqual(scenario.steps[0], { do: 'misconfigure', misconfigurations: [{ kind: 'DetachCluster', region: 'secondary' }] });
    assert.deepEqual(scenario.steps[1], { do: 'readiness' });
    assert.deepEqual(scenario.expect.readinessCodes, ['ClusterNotMember']);
  });

  it('ValidateScenario_MisconfigurationThatOutlivesAReset_IsRefused', () => {
    const problems = problemsOf(minimal({ steps: [{ do: 'misconfigure', misconfigurations: [{ kind: 'RemoveSubscriptions' }] }, ...minimal().steps] }));

    assert.ok(problems.some((problem) => problem.includes('steps[0].misconfigurations[0].kind')), problems.join('\n'));
  });

  it('ValidateScenario_ProbeAlarmTrigger_KeepsItsSource', () => {
    const scenario = validateScenario(minimal({
      steps: [
        { do: 'waitForAlarm', region: 'primary', source: 'probes' },
        { do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary', source: 'probes' } }] },
      ],
    }), 'sample.json');

    assert.equal(scenario.steps[0].source, 'probes');
    assert.deepEqual(scenario.steps[1].executions[0].trigger, { alarm: 'primary', source: 'probes' });
  });

  it('ValidateScenario_UnknownAlarmSource_IsRejectedNamingTheField', () => {
    const problems = problemsOf(minimal({
      steps: [{ do: 'start', executions: [{ id: 'alarm', machine: 'failover', trigger: { alarm: 'primary', source: 'canary' } }] }],
    }));

    assert.match(problems[0], /^steps\[0\]\.executions\[0\]\.trigger\.source: must be one of health-check, probes/);
  });

  it('ValidateScenario_SourceWithoutAlarm_IsRejected', () => {
    const problems = problemsOf(minimal({
      steps: [{ do: 'start', executions: [{ id: 'm', machine: 'failover', trigger: { manual: { mode: 'failover' }, source: 'probes' } }] }],
    }));

    assert.match(problems[0], /trigger: must have exactly one of alarm/);
  });

  it('ValidateScenario_WitnessUnreachable_IsALabFaultWithoutParameters', () => {
    assert.deepEqual(problemsOf(minimal({ steps: [{ do: 'inject', faults: [{ kind: 'WitnessUnreachable' }] }, minimal().steps[1]] })), []);
    assert.match(problemsOf(minimal({ steps: [{ do: 'inject', faults: [{ kind: 'WitnessUnreachable', region: 'primary' }] }, minimal().steps[1]] }))[0], /region/);
  });
});
