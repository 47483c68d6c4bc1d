// EventBridge pattern matching, with the examples of the EventBridge user guide's "Content filtering".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TemplateError } from '../../tools/stack/errors.mjs';
import { matchesPattern } from '../../tools/stack/event-pattern.mjs';

const ALARM_EVENT = {
  source: 'aws.cloudwatch',
  'detail-type': 'CloudWatch Alarm State Change',
  region: 'us-east-1',
  resources: ['arn:aws:cloudwatch:us-east-1:111122223333:alarm:a'],
  detail: { alarmName: 'drlambdas-primary-health-check', state: { value: 'ALARM', count: 3 }, tags: ['x', 'y'] },
};

describe('matchesPattern', () => {
  it('MatchesPattern_ExactValuesAndNestedObjects_Match', () => {
    const pattern = { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'], detail: { alarmName: ['drlambdas-primary-health-check'], state: { value: ['ALARM'] } } };
    assert.equal(matchesPattern(pattern, ALARM_EVENT), true);
  });

  it('MatchesPattern_ListIsOr_AnyValueMatches', () => {
    assert.equal(matchesPattern({ detail: { alarmName: ['other', 'drlambdas-primary-health-check'] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { alarmName: ['other', ''] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_NestedValueDiffers_DoesNotMatch', () => {
    assert.equal(matchesPattern({ detail: { state: { value: ['OK'] } } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_EventArray_MatchesWhenAnyMemberMatches', () => {
    assert.equal(matchesPattern({ detail: { tags: ['y'] } }, ALARM_EVENT), true);
  });

  it('MatchesPattern_Prefix_Suffix_EqualsIgnoreCase_Wildcard', () => {
    assert.equal(matchesPattern({ detail: { alarmName: [{ prefix: 'drlambdas-' }] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { alarmName: [{ suffix: '-health-check' }] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ source: [{ 'equals-ignore-case': 'AWS.CloudWatch' }] }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { alarmName: [{ wildcard: 'drlambdas-*-check' }] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { alarmName: [{ prefix: 'other' }] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_AnythingBut_ExcludesValuesListsAndPrefixes', () => {
    assert.equal(matchesPattern({ detail: { state: { value: [{ 'anything-but': 'OK' }] } } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { state: { value: [{ 'anything-but': ['OK', 'ALARM'] }] } } }, ALARM_EVENT), false);
    assert.equal(matchesPattern({ detail: { alarmName: [{ 'anything-but': { prefix: 'drlambdas-' } }] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_AnythingBut_DoesNotMatchAMissingField', () => {
    assert.equal(matchesPattern({ detail: { missing: [{ 'anything-but': 'x' }] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_Exists_TrueNeedsTheFieldFalseNeedsItAbsent', () => {
    assert.equal(matchesPattern({ detail: { alarmName: [{ exists: true }] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { missing: [{ exists: true }] } }, ALARM_EVENT), false);
    assert.equal(matchesPattern({ detail: { missing: [{ exists: false }] } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { alarmName: [{ exists: false }] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_Numeric_AllComparisonsMustHold', () => {
    assert.equal(matchesPattern({ detail: { state: { count: [{ numeric: ['>', 0, '<=', 3] }] } } }, ALARM_EVENT), true);
    assert.equal(matchesPattern({ detail: { state: { count: [{ numeric: ['>', 3] }] } } }, ALARM_EVENT), false);
    assert.equal(matchesPattern({ detail: { alarmName: [{ numeric: ['>', 0] }] } }, ALARM_EVENT), false);
  });

  it('MatchesPattern_Or_MatchesWhenOneAlternativeDoes', () => {
    assert.equal(matchesPattern({ $or: [{ source: ['aws.ec2'] }, { detail: { alarmName: ['drlambdas-primary-health-check'] } }] }, ALARM_EVENT), true);
  });

  it('MatchesPattern_MissingField_DoesNotMatchAValue', () => {
    assert.equal(matchesPattern({ account: ['111122223333'] }, ALARM_EVENT), false);
  });

  it('MatchesPattern_ScalarInsteadOfList_IsATemplateError', () => {
    assert.throws(() => matchesPattern({ source: 'aws.cloudwatch' }, ALARM_EVENT), TemplateError);
  });

  it('MatchesPattern_UnknownFilter_IsATemplateError', () => {
    assert.throws(() => matchesPattern({ source: [{ cidrr: '10.0.0.0/8' }] }, ALARM_EVENT), /unsupported content filter cidrr/);
  });
});
