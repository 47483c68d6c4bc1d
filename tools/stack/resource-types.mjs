// @ts-check
// What `Ref` and `Fn::GetAtt` return for each resource type the templates use, as the CloudFormation resource
// reference documents them, and the physical names CloudFormation generates when a template sets none.
import { createHash } from 'node:crypto';
import { TemplateError } from './errors.mjs';

/**
 * @typedef {{ region: string, accountId: string, partition: string, stackName: string, urlSuffix: string, physicalIds?: Record<string, string> }} StackEnv
 * @typedef {{ name: string, logicalId: string, env: StackEnv }} Named
 * @typedef {{
 *   nameProperty?: string, maxLength?: number,
 *   ref: (r: Named) => string,
 *   attributes: Record<string, (r: Named) => string>,
 * }} TypeSpec
 */

/** A deterministic stand-in for CloudFormation's random suffix (13 upper-case letters and digits). */
function suffix(seed, length = 13) {
  const digest = createHash('sha256').update(seed).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...digest.subarray(0, length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A deterministic UUID (a KMS key id, a subscription id). */
export function stableUuid(seed) {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * CloudFormation's generated physical name: `stackName-logicalId-SUFFIX`, the stack name and logical id shortened
 * so the whole fits the type's limit.
 */
export function generatedName(env, logicalId, maxLength = 64) {
  const tail = suffix(`${env.stackName}/${env.region}/${logicalId}`);
  const room = maxLength - tail.length - 2;
  const stackPart = env.stackName.slice(0, Math.max(1, Math.floor(room / 2)));
  const logicalPart = logicalId.slice(0, room - stackPart.length);
  return `${stackPart}-${logicalPart}-${tail}`;
}

const arn = (env, service, region, resource) => `arn:${env.partition}:${service}:${region}:${env.accountId}:${resource}`;

/** @type {Record<string, TypeSpec>} */
export const RESOURCE_TYPES = {
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    ref: (r) => r.name,
    attributes: { Arn: (r) => arn(r.env, 'lambda', r.env.region, `function:${r.name}`) },
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    ref: (r) => r.name,
    attributes: {
      Arn: (r) => `arn:${r.env.partition}:iam::${r.env.accountId}:role/${r.name}`,
      RoleId: (r) => `AROA${suffix(`role/${r.name}`, 17)}`,
    },
  },
  'AWS::IAM::ManagedPolicy': {
    nameProperty: 'ManagedPolicyName',
    maxLength: 128,
    ref: (r) => `arn:${r.env.partition}:iam::${r.env.accountId}:policy/${r.name}`,
    attributes: { PolicyArn: (r) => `arn:${r.env.partition}:iam::${r.env.accountId}:policy/${r.name}` },
  },
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    maxLength: 512,
    ref: (r) => r.name,
    attributes: { Arn: (r) => arn(r.env, 'logs', r.env.region, `log-group:${r.name}:*`) },
  },
  'AWS::KMS::Key': {
    ref: (r) => stableUuid(`${r.env.stackName}/${r.env.region}/${r.logicalId}`),
    attributes: {
      Arn: (r) => arn(r.env, 'kms', r.env.region, `key/${stableUuid(`${r.env.stackName}/${r.env.region}/${r.logicalId}`)}`),
      KeyId: (r) => stableUuid(`${r.env.stackName}/${r.env.region}/${r.logicalId}`),
    },
  },
  'AWS::KMS::Alias': { nameProperty: 'AliasName', ref: (r) => r.name, attributes: {} },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    maxLength: 256,
    ref: (r) => arn(r.env, 'sns', r.env.region, r.name),
    attributes: { TopicArn: (r) => arn(r.env, 'sns', r.env.region, r.name), TopicName: (r) => r.name },
  },
  'AWS::SNS::TopicPolicy': { ref: (r) => generatedName(r.env, r.logicalId), attributes: {} },
  'AWS::SNS::Subscription': {
    ref: (r) => arn(r.env, 'sns', r.env.region, `${r.logicalId}:${stableUuid(`${r.env.stackName}/${r.logicalId}`)}`),
    attributes: {},
  },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    maxLength: 80,
    ref: (r) => `https://sqs.${r.env.region}.${r.env.urlSuffix}/${r.env.accountId}/${r.name}`,
    attributes: {
      Arn: (r) => arn(r.env, 'sqs', r.env.region, r.name),
      QueueName: (r) => r.name,
      QueueUrl: (r) => `https://sqs.${r.env.region}.${r.env.urlSuffix}/${r.env.accountId}/${r.name}`,
    },
  },
  'AWS::SQS::QueuePolicy': { ref: (r) => generatedName(r.env, r.logicalId), attributes: {} },
  'AWS::StepFunctions::StateMachine': {
    nameProperty: 'StateMachineName',
    maxLength: 80,
    ref: (r) => arn(r.env, 'states', r.env.region, `stateMachine:${r.name}`),
    attributes: { Arn: (r) => arn(r.env, 'states', r.env.region, `stateMachine:${r.name}`), Name: (r) => r.name },
  },
  'AWS::Events::Rule': {
    nameProperty: 'Name',
    ref: (r) => r.name,
    attributes: { Arn: (r) => arn(r.env, 'events', r.env.region, `rule/${r.name}`) },
  },
  'AWS::Scheduler::Schedule': {
    nameProperty: 'Name',
    maxLength: 64,
    ref: (r) => r.name,
    // The template's schedules live in the default group.
    attributes: { Arn: (r) => arn(r.env, 'scheduler', r.env.region, `schedule/default/${r.name}`) },
  },
  'AWS::Route53::HealthCheck': {
    ref: (r) => r.env.physicalIds?.[r.logicalId] ?? pendingHealthCheckId(r.logicalId),
    attributes: { HealthCheckId: (r) => r.env.physicalIds?.[r.logicalId] ?? pendingHealthCheckId(r.logicalId) },
  },
  'AWS::CloudWatch::Alarm': {
    nameProperty: 'AlarmName',
    maxLength: 255,
    ref: (r) => r.name,
    attributes: { Arn: (r) => arn(r.env, 'cloudwatch', r.env.region, `alarm:${r.name}`) },
  },
  'AWS::CloudWatch::Dashboard': {
    nameProperty: 'DashboardName',
    maxLength: 255,
    ref: (r) => r.name,
    attributes: {},
  },
  'AWS::CloudWatch::CompositeAlarm': {
    nameProperty: 'AlarmName',
    maxLength: 255,
    ref: (r) => r.name,
    attributes: { Arn: (r) => arn(r.env, 'cloudwatch', r.env.region, `alarm:${r.name}`) },
  },
};

/**
 * What a Route 53 health check's Ref stands for before Route 53 assigned its id: the deployment is resolved again
 * with the id once the check exists (lab-deploy.mjs createHealthChecks), as CloudFormation resolves a Ref only after
 * creating the resource.
 * @param {string} logicalId
 */
export function pendingHealthCheckId(logicalId) {
  return `{pending: the HealthCheckId Route 53 assigns to ${logicalId}}`;
}

/** Whether a value carries a pending health check id (a stack output passed on before the check exists). @param {unknown} value */
export function isPendingHealthCheckId(value) {
  return JSON.stringify(value ?? null).includes('{pending: the HealthCheckId Route 53 assigns to ');
}

/** The spec of a resource type; a type the deployment does not model is a TemplateError when referenced. */
export function typeSpec(type, path) {
  const spec = RESOURCE_TYPES[type];
  if (!spec) throw new TemplateError(`resource type ${type} is not modelled by tools/stack (add it to resource-types.mjs)`, path);
  return spec;
}
