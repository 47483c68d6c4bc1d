// The intrinsic-function resolver against CloudFormation's documented behaviour.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParameterError, RuleAssertionError, TemplateError, UnknownIntrinsicError } from '../../tools/stack/errors.mjs';
import { parameterValues, resolveTemplate } from '../../tools/stack/resolve.mjs';

const ENV = { region: 'ap-northeast-1', accountId: '111122223333', stackName: 'st' };

/** Resolves `value` as the property P of a bucket-free resource (an SNS topic) in a template with `extra` sections. */
function resolveValue(value, { parameters = {}, given = {}, conditions, resources = {}, rules, region } = {}) {
  const template = {
    Parameters: parameters,
    Conditions: conditions,
    Rules: rules,
    Resources: { Probe: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: value } }, ...resources },
  };
  return resolveTemplate(template, { ...ENV, region: region ?? ENV.region, parameters: given }).resources.Probe.properties.DisplayName;
}

describe('parameters', () => {
  it('ParameterValues_NumberAndList_NumberBecomesTextListIsSplitAndTrimmed', () => {
    const values = parameterValues({ N: { Type: 'Number', Default: 60 }, L: { Type: 'CommaDelimitedList' } }, { L: 'a, b ,c' });
    assert.deepEqual(values, { N: '60', L: ['a', 'b', 'c'] });
  });

  it('ParameterValues_EmptyCommaDelimitedList_IsOneEmptyString', () => {
    assert.deepEqual(parameterValues({ L: { Type: 'CommaDelimitedList', Default: '' } }, {}).L, ['']);
  });

  it('ParameterValues_UndeclaredParameter_IsAParameterErrorNamingIt', () => {
    assert.throws(() => parameterValues({ A: { Type: 'String' } }, { A: 'x', PrimaryHealthCheckAlarmName: 'y' }),
      (error) => error instanceof ParameterError && error.parameter === 'PrimaryHealthCheckAlarmName' && /does not declare/.test(error.message));
  });

  it('ParameterValues_NoValueNoDefault_IsAParameterError', () => {
    assert.throws(() => parameterValues({ A: { Type: 'String' } }, {}), /Parameters\.A: has no value and no Default/);
  });

  it('ParameterValues_Constraints_AreChecked', () => {
    assert.throws(() => parameterValues({ A: { Type: 'String', AllowedValues: ['x', 'y'] } }, { A: 'z' }), /AllowedValues/);
    assert.throws(() => parameterValues({ A: { Type: 'String', AllowedPattern: '[a-z]+' } }, { A: 'ab1' }), /AllowedPattern/);
    assert.throws(() => parameterValues({ A: { Type: 'Number', MinValue: 60 } }, { A: 59 }), /below MinValue/);
    assert.throws(() => parameterValues({ A: { Type: 'Number', MaxValue: 10 } }, { A: 11 }), /above MaxValue/);
    assert.throws(() => parameterValues({ A: { Type: 'Number' } }, { A: 'ten' }), /not a number/);
    assert.throws(() => parameterValues({ A: { Type: 'String', MaxLength: 2 } }, { A: 'abc' }), /MaxLength/);
  });
});

describe('Ref', () => {
  it('Ref_PseudoParameters_AreTheStacksValues', () => {
    const value = { 'Fn::Join': ['|', [{ Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Partition' }, { Ref: 'AWS::StackName' }, { Ref: 'AWS::URLSuffix' }]] };
    assert.equal(resolveValue(value), 'ap-northeast-1|111122223333|aws|st|amazonaws.com');
  });

  it('Ref_ResourcesByType_AreTheDocumentedRefValues', () => {
    const resources = {
      Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'f' } },
      Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 't' } },
      Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineName: 'm' } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/l' } },
      Rule: { Type: 'AWS::Events::Rule', Properties: { Name: 'ru' } },
      Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'al' } },
    };
    const refs = Object.keys(resources).map((id) => ({ Ref: id }));
    assert.deepEqual(resolveValue(refs, { resources }), [
      'f', 'r', 'arn:aws:sns:ap-northeast-1:111122223333:t', 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:m',
      'https://sqs.ap-northeast-1.amazonaws.com/111122223333/q', '/l', 'ru', 'al',
    ]);
  });

  it('Ref_KmsKey_IsAStableKeyIdMatchingItsArn', () => {
    const resources = { Key: { Type: 'AWS::KMS::Key', Properties: {} } };
    const [id, arn] = resolveValue([{ Ref: 'Key' }, { 'Fn::GetAtt': ['Key', 'Arn'] }], { resources });
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(arn, `arn:aws:kms:ap-northeast-1:111122223333:key/${id}`);
  });

  it('Ref_UnnamedResource_GetsAGeneratedStackLogicalIdSuffixName', () => {
    const resources = { Fn: { Type: 'AWS::Lambda::Function', Properties: {} } };
    assert.match(resolveValue({ Ref: 'Fn' }, { resources }), /^st-Fn-[A-Z0-9]{13}$/);
  });

  it('Ref_UnknownName_IsATemplateError', () => {
    assert.throws(() => resolveValue({ Ref: 'Nope' }), (error) => error instanceof TemplateError && /Nope is not a parameter/.test(error.message));
  });

  it('Ref_ResourceWhoseConditionIsFalse_IsATemplateError', () => {
    const resources = { Fn: { Type: 'AWS::Lambda::Function', Condition: 'Off', Properties: {} } };
    assert.throws(() => resolveValue({ Ref: 'Fn' }, { resources, conditions: { Off: { 'Fn::Equals': ['a', 'b'] } } }), /is not created/);
  });
});

describe('Fn::GetAtt', () => {
  const resources = {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'f' } },
    Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/l' } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } },
    Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineName: 'm' } },
  };

  it('GetAtt_Arns_AreTheDocumentedFormats', () => {
    const value = [['Fn', 'Arn'], ['Role', 'Arn'], ['Logs', 'Arn'], ['Queue', 'Arn'], ['Machine', 'Arn']].map((pair) => ({ 'Fn::GetAtt': pair }));
    assert.deepEqual(resolveValue(value, { resources }), [
      'arn:aws:lambda:ap-northeast-1:111122223333:function:f', 'arn:aws:iam::111122223333:role/r',
      'arn:aws:logs:ap-northeast-1:111122223333:log-group:/l:*', 'arn:aws:sqs:ap-northeast-1:111122223333:q',
      'arn:aws:states:ap-northeast-1:111122223333:stateMachine:m',
    ]);
  });

  it('GetAtt_DottedStringFormAndNameAttributes_Resolve', () => {
    assert.deepEqual(resolveValue([{ 'Fn::GetAtt': 'Queue.QueueName' }, { 'Fn::GetAtt': 'Machine.Name' }], { resources }), ['q', 'm']);
  });

  it('GetAtt_UnknownAttribute_IsATemplateError', () => {
    assert.throws(() => resolveValue({ 'Fn::GetAtt': ['Fn', 'Nope'] }, { resources }), /has no attribute Nope/);
  });
});

describe('Fn::Sub', () => {
  const parameters = { P: { Type: 'String', Default: 'pv' }, L: { Type: 'CommaDelimitedList', Default: 'a,b' } };
  const resources = { Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'f' } } };

  it('Sub_StringForm_ReplacesParametersPseudoRefsAndAttributes', () => {
    assert.equal(resolveValue({ 'Fn::Sub': '${P}-${AWS::Region}-${Fn}-${Fn.Arn}' }, { parameters, resources }),
      'pv-ap-northeast-1-f-arn:aws:lambda:ap-northeast-1:111122223333:function:f');
  });

  it('Sub_ListForm_VariablesWinAndAreResolved', () => {
    assert.equal(resolveValue({ 'Fn::Sub': ['${P}/${X}', { P: 'mine', X: { Ref: 'AWS::AccountId' } }] }, { parameters }), 'mine/111122223333');
  });

  it('Sub_BangLiteral_IsWrittenWithoutTheBang', () => {
    assert.equal(resolveValue({ 'Fn::Sub': '${!Literal}-${P}' }, { parameters }), '${Literal}-pv');
  });

  it('Sub_ListParameter_IsATemplateError', () => {
    assert.throws(() => resolveValue({ 'Fn::Sub': '${L}' }, { parameters }), /cannot insert the list parameter L/);
  });
});

describe('Fn::Join, Fn::Split, Fn::Select', () => {
  const parameters = { L: { Type: 'CommaDelimitedList', Default: 'a,b' }, E: { Type: 'CommaDelimitedList', Default: '' } };

  it('Join_ListParameterAndLiterals_JoinsWithTheDelimiter', () => {
    assert.equal(resolveValue({ 'Fn::Join': [',', [{ 'Fn::Join': ['+', { Ref: 'L' }] }, 'c']] }, { parameters }), 'a+b,c');
  });

  it('Join_EmptyList_IsEmpty', () => {
    assert.equal(resolveValue({ 'Fn::Join': [',', { Ref: 'E' }] }, { parameters }), '');
  });

  it('Split_KeepsEmptyMembers', () => {
    assert.deepEqual(resolveValue({ 'Fn::Split': [',', ',a,,b'] }), ['', 'a', '', 'b']);
  });

  it('Select_PicksByIndexAndRefusesOutOfRange', () => {
    assert.equal(resolveValue({ 'Fn::Select': [1, { Ref: 'L' }] }, { parameters }), 'b');
    assert.throws(() => resolveValue({ 'Fn::Select': [5, { Ref: 'L' }] }, { parameters }), /outside the list/);
  });

  it('Join_NonLiteralDelimiter_IsATemplateError', () => {
    assert.throws(() => resolveValue({ 'Fn::Join': [{ Ref: 'AWS::Region' }, ['a']] }), /delimiter must be a literal/);
  });
});

describe('conditions', () => {
  const parameters = { A: { Type: 'String', Default: '' }, B: { Type: 'String', Default: 'x' } };
  const conditions = {
    HasA: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'A' }, ''] }] },
    HasB: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'B' }, ''] }] },
    Either: { 'Fn::Or': [{ Condition: 'HasA' }, { Condition: 'HasB' }] },
    Both: { 'Fn::And': [{ Condition: 'HasA' }, { Condition: 'HasB' }] },
    Number60: { 'Fn::Equals': [60, '60'] },
  };

  it('Conditions_NotAndOrEqualsCondition_EvaluateAsDocumented', () => {
    const stack = resolveTemplate({ Parameters: parameters, Conditions: conditions, Resources: {} }, ENV);
    assert.deepEqual(stack.conditions, { HasA: false, HasB: true, Either: true, Both: false, Number60: true });
  });

  it('If_ChoosesTheBranchAndNoValueRemovesTheMemberOrProperty', () => {
    const value = {
      kept: { 'Fn::If': ['HasB', 'yes', 'no'] },
      gone: { 'Fn::If': ['HasA', 'x', { Ref: 'AWS::NoValue' }] },
      list: ['a', { 'Fn::If': ['HasA', 'b', { Ref: 'AWS::NoValue' }] }, 'c'],
    };
    assert.deepEqual(resolveValue(value, { parameters, conditions }), { kept: 'yes', list: ['a', 'c'] });
  });

  it('ResourceAndOutputConditions_FalseOmitsThem', () => {
    const template = {
      Parameters: parameters,
      Conditions: conditions,
      Resources: { T: { Type: 'AWS::SNS::Topic', Condition: 'HasA', Properties: {} }, U: { Type: 'AWS::SNS::Topic', Properties: {} } },
      Outputs: { TArn: { Condition: 'HasA', Value: { Ref: 'T' } }, UArn: { Value: { Ref: 'U' } } },
    };
    const stack = resolveTemplate(template, ENV);
    assert.deepEqual(Object.keys(stack.resources), ['U']);
    assert.deepEqual(Object.keys(stack.outputs), ['UArn']);
  });

  it('Condition_ReferringToAResource_IsATemplateError', () => {
    const template = { Conditions: { C: { 'Fn::Equals': [{ Ref: 'T' }, 'x'] } }, Resources: { T: { Type: 'AWS::SNS::Topic', Properties: {} } } };
    assert.throws(() => resolveTemplate(template, ENV), /cannot refer to the resource T/);
  });

  it('Condition_Undeclared_IsATemplateError', () => {
    assert.throws(() => resolveValue({ 'Fn::If': ['Missing', 'a', 'b'] }), /condition Missing is not declared/);
  });
});

describe('Rules', () => {
  const rules = { OnlyInUsEast1: { Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }, AssertDescription: 'deploy in us-east-1' }] } };

  it('Rules_AssertionHolds_Resolves', () => {
    assert.equal(resolveValue('ok', { rules, region: 'us-east-1' }), 'ok');
  });

  it('Rules_AssertionFails_IsARuleAssertionErrorWithItsDescription', () => {
    assert.throws(() => resolveValue('ok', { rules }), (error) => error instanceof RuleAssertionError && /OnlyInUsEast1 failed: deploy in us-east-1/.test(error.message));
  });

  it('Rules_RuleConditionFalse_SkipsTheAssertions', () => {
    const conditional = { R: { RuleCondition: { 'Fn::Equals': ['a', 'b'] }, Assertions: [{ Assert: { 'Fn::Equals': ['x', 'y'] } }] } };
    assert.equal(resolveValue('ok', { rules: conditional }), 'ok');
  });

  it('Rules_ContainsAndEachMemberIn_Evaluate', () => {
    const parameters = { L: { Type: 'CommaDelimitedList', Default: 'a,b' } };
    const listRules = { R: { Assertions: [
      { Assert: { 'Fn::Contains': [['a', 'b', 'c'], 'b'] } },
      { Assert: { 'Fn::EachMemberIn': [{ Ref: 'L' }, ['a', 'b']] } },
      { Assert: { 'Fn::EachMemberEquals': [['a', 'a'], 'a'] } },
    ] } };
    assert.equal(resolveValue('ok', { rules: listRules, parameters }), 'ok');
  });
});

describe('unknown intrinsics', () => {
  it('Resolve_UnknownIntrinsic_IsAnUnknownIntrinsicErrorWithItsPath', () => {
    assert.throws(() => resolveValue({ 'Fn::ImportValue': 'x' }),
      (error) => error instanceof UnknownIntrinsicError && error.intrinsic === 'Fn::ImportValue' && /Resources\.Probe\.Properties\.DisplayName/.test(error.message));
  });

  it('Resolve_ObjectWithSeveralKeysIncludingCondition_IsPlainData', () => {
    const statement = { Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } };
    assert.deepEqual(resolveValue(statement), { Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } });
  });
});
