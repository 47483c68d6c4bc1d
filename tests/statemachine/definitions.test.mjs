import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { forEachState, loadDefinition, placeholdersIn } from './support/local-sfn.mjs';
import { SUBSTITUTIONS } from './support/fake-functions.mjs';

const validateAsl = createRequire(import.meta.url)('asl-validator');

const FILES = {
  failover: fileURLToPath(new URL('../../statemachine/failover.asl.json', import.meta.url)),
  failback: fileURLToPath(new URL('../../statemachine/failback.asl.json', import.meta.url)),
};
const FUNCTION_ARNS = new Set([
  SUBSTITUTIONS.HealthValidatorFunctionArn,
  SUBSTITUTIONS.AuroraPromoterFunctionArn,
  SUBSTITUTIONS.DnsUpdaterFunctionArn,
]);
/** A placeholder substituted where a number goes (`"TimeoutSeconds": ${ApprovalTimeoutSeconds}`). */
const NUMERIC_PLACEHOLDER = /: \$\{[A-Za-z0-9]+\}/g;
const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const SNS_PUBLISH = 'arn:aws:states:::sns:publish';
const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
  'AwsTransientException',
];

function tasks(definition) {
  const found = [];
  forEachState(definition, (name, state) => {
    if (state.Type === 'Task') found.push([name, state]);
  });
  return found;
}

function assertValid(definition, label) {
  const { isValid, errorsText } = validateAsl(structuredClone(definition), { checkPaths: true, checkArn: true });
  assert.ok(isValid, `${label}: ${errorsText('\n')}`);
}

for (const [machine, path] of Object.entries(FILES)) {
  describe(`${machine}.asl.json`, () => {
    const text = readFileSync(path, 'utf8');
    const definition = loadDefinition(path, SUBSTITUTIONS);

    it('Validate_AsAuthoredWithPlaceholders_IsValidAsl', () => {
      // A Task's TimeoutSeconds must be an integer, so the approval timeout is substituted unquoted; everything
      // else is authored as valid JSON.
      assertValid(JSON.parse(text.replaceAll(NUMERIC_PLACEHOLDER, ': 1')), `${machine} as authored`);
    });

    it('Validate_AfterSubstitution_IsValidAslWithRealArns', () => {
      assertValid(definition, `${machine} substituted`);
    });

    it('Definition_Machine_HasAnExecutionTimeout', () => {
      assert.ok(Number.isInteger(definition.TimeoutSeconds) && definition.TimeoutSeconds > 0);
    });

    it('Definition_EveryState_HasAUniqueName', () => {
      const names = [];
      forEachState(definition, (name) => names.push(name));
      assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), []);
    });

    it('Definition_EveryTask_CallsAProjectFunctionOrSnsWithATimeoutAndACatchAll', () => {
      for (const [name, state] of tasks(definition)) {
        // The approval gate's callback Task invokes HealthValidator through lambda:invoke and waits for its token.
        const callback = state.Resource === LAMBDA_CALLBACK && FUNCTION_ARNS.has(state.Parameters?.FunctionName);
        assert.ok(FUNCTION_ARNS.has(state.Resource) || state.Resource === SNS_PUBLISH || callback, `${name}: ${state.Resource}`);
        assert.ok(Number.isInteger(state.TimeoutSeconds) && state.TimeoutSeconds > 0, `${name} has no TimeoutSeconds`);
        assert.ok(state.Catch?.some((c) => c.ErrorEquals.includes('States.ALL')), `${name} has no States.ALL Catch`);
      }
    });

    it('Definition_EveryFunctionTask_RetriesTransientErrorsWithCappedJitteredBackoff', () => {
      for (const [name, state] of tasks(definition).filter(([, s]) => FUNCTION_ARNS.has(s.Resource))) {
        const retrier = state.Retry?.find((r) => r.ErrorEquals.includes('AwsTransientException'));
        assert.ok(retrier, `${name} does not retry AwsTransientException`);
        assert.deepEqual([...retrier.ErrorEquals].sort(), [...TRANSIENT_ERRORS].sort(), name);
        assert.equal(retrier.JitterStrategy, 'FULL', name);
        assert.ok(retrier.BackoffRate > 1, name);
        assert.ok(retrier.MaxDelaySeconds > 0, name);
        assert.ok(retrier.MaxAttempts > 0, name);
      }
    });

    it('Definition_ConvergentFunctionTasks_RetryConflictTwice', () => {
      const functionTasks = tasks(definition).filter(([name, s]) => FUNCTION_ARNS.has(s.Resource) && name !== 'HealthGate');
      assert.ok(functionTasks.length > 0);
      for (const [name, state] of functionTasks) {
        const retrier = state.Retry.find((r) => r.ErrorEquals.includes('ConflictException'));
        assert.equal(retrier?.MaxAttempts, 2, name);
      }
    });

    it('Definition_NoRetrier_RetriesPermanentErrors', () => {
      const permanent = ['InputValidationException', 'ConfigurationException', 'AwsServiceException', 'HealthGateFailedException', 'States.ALL'];
      forEachState(definition, (name, state) => {
        for (const retrier of state.Retry ?? []) {
          assert.deepEqual(retrier.ErrorEquals.filter((e) => permanent.includes(e)), [], name);
        }
      });
    });

    it('Definition_EveryNotification_PublishesToTheAlertTopicWithASeverity', () => {
      const notifications = tasks(definition).filter(([, s]) => s.Resource === SNS_PUBLISH);
      assert.ok(notifications.length > 0);
      for (const [name, state] of notifications) {
        assert.equal(state.Parameters.TopicArn, SUBSTITUTIONS.AlertTopicArn, name);
        assert.ok(['info', 'high', 'critical'].includes(state.Parameters.MessageAttributes.severity.StringValue), name);
        assert.equal(state.ResultPath, null, `${name} must leave the document unchanged`);
      }
    });
  });
}

describe('sample substitutions', () => {
  it('Substitutions_UsedByTheTests_AreExactlyThePlaceholdersOfBothDefinitions', () => {
    const used = new Set(Object.values(FILES).flatMap((path) => [...placeholdersIn(readFileSync(path, 'utf8'))]));
    assert.deepEqual([...used].sort(), Object.keys(SUBSTITUTIONS).sort());
  });

  it('LoadDefinition_MissingSubstitution_Throws', () => {
    const { AlertTopicArn: _omitted, ...partial } = SUBSTITUTIONS;
    assert.throws(() => loadDefinition(FILES.failover, partial), /no substitution for AlertTopicArn/);
  });
});
