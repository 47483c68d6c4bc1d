// @ts-check
// Creates a deployment in the lab, with the lab's administrative identity: the Route 53 health checks first
// (CreateHealthCheck: their ids exist only once created, and the rest of the deployment is resolved with them), the
// roles (PUT /_lab/iam/roles, contract C1, answering one key pair per role), then per contract C2 CloudWatch
// PutMetricAlarm (in each alarm's Region), SNS CreateTopic and Step Functions CreateStateMachine. EventBridge rules are not created in the lab: the drill
// routes events through them itself (tools/drill/lib/event-routing.mjs).
import { DeploymentError } from './errors.mjs';
import { xmlText } from '../drill/lib/aws-client.mjs';

/**
 * The awsQuery parameters of PutMetricAlarm for an AWS::CloudWatch::Alarm's resolved properties.
 * @param {string} name @param {Record<string, any>} p
 */
export function putMetricAlarmParameters(name, p) {
  /** @type {Record<string, string>} */
  const parameters = { Action: 'PutMetricAlarm', Version: '2010-08-01', AlarmName: name };
  const scalars = ['AlarmDescription', 'Namespace', 'MetricName', 'Statistic', 'ExtendedStatistic', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm',
    'Threshold', 'ComparisonOperator', 'TreatMissingData', 'Unit', 'ActionsEnabled', 'EvaluateLowSampleCountPercentile', 'ThresholdMetricId'];
  for (const key of scalars) if (p[key] !== undefined) parameters[key] = String(p[key]);
  (p.Dimensions ?? []).forEach((dimension, index) => {
    parameters[`Dimensions.member.${index + 1}.Name`] = String(dimension.Name);
    parameters[`Dimensions.member.${index + 1}.Value`] = String(dimension.Value);
  });
  for (const list of ['AlarmActions', 'OKActions', 'InsufficientDataActions']) {
    (p[list] ?? []).forEach((action, index) => { parameters[`${list}.member.${index + 1}`] = String(action); });
  }
  if (p.Metrics !== undefined) throw new DeploymentError(`alarm ${name}: metric-math alarms (Metrics) are not modelled by the lab`);
  return parameters;
}

/**
 * The awsQuery parameters of PutCompositeAlarm for an AWS::CloudWatch::CompositeAlarm's resolved properties.
 * @param {string} name @param {Record<string, any>} p
 */
export function putCompositeAlarmParameters(name, p) {
  /** @type {Record<string, string>} */
  const parameters = { Action: 'PutCompositeAlarm', Version: '2010-08-01', AlarmName: name, AlarmRule: String(p.AlarmRule) };
  for (const key of ['AlarmDescription', 'ActionsEnabled']) if (p[key] !== undefined) parameters[key] = String(p[key]);
  for (const list of ['AlarmActions', 'OKActions', 'InsufficientDataActions']) {
    (p[list] ?? []).forEach((action, index) => { parameters[`${list}.member.${index + 1}`] = String(action); });
  }
  return parameters;
}

/** The awsQuery parameters of CreateTopic. @param {string} name @param {Record<string, string>} attributes */
export function createTopicParameters(name, attributes) {
  /** @type {Record<string, string>} */
  const parameters = { Action: 'CreateTopic', Version: '2010-03-31', Name: name };
  Object.entries(attributes).forEach(([key, value], index) => {
    parameters[`Attributes.entry.${index + 1}.key`] = key;
    parameters[`Attributes.entry.${index + 1}.value`] = value;
  });
  return parameters;
}

const ROUTE53_NS = 'https://route53.amazonaws.com/doc/2013-04-01/';
const HEALTH_CHECK_LISTS = { Regions: 'Region', ChildHealthChecks: 'ChildHealthCheck' };

/** @param {unknown} text */
function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The CreateHealthCheckRequest document for an AWS::Route53::HealthCheck's resolved HealthCheckConfig (its property
 * names are the API's element names; Regions and ChildHealthChecks are lists of Region / ChildHealthCheck).
 * @param {string} callerReference @param {Record<string, any>} config
 */
export function createHealthCheckBody(callerReference, config) {
  const elements = Object.entries(config).map(([name, value]) => {
    if (name in HEALTH_CHECK_LISTS) {
      const member = HEALTH_CHECK_LISTS[/** @type {keyof typeof HEALTH_CHECK_LISTS} */ (name)];
      return `<${name}>${[value].flat().map((item) => `<${member}>${escapeXml(item)}</${member}>`).join('')}</${name}>`;
    }
    if (value !== null && typeof value === 'object') {
      return `<${name}>${Object.entries(value).map(([key, inner]) => `<${key}>${escapeXml(inner)}</${key}>`).join('')}</${name}>`;
    }
    return `<${name}>${escapeXml(value)}</${name}>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><CreateHealthCheckRequest xmlns="${ROUTE53_NS}"><CallerReference>${escapeXml(callerReference)}</CallerReference>`
    + `<HealthCheckConfig>${elements.join('')}</HealthCheckConfig></CreateHealthCheckRequest>`;
}

/**
 * Creates the deployment's Route 53 health checks (CreateHealthCheck is idempotent for the same CallerReference and
 * settings) and returns their ids per stack and logical id, for buildDeployment's `physicalIds`.
 * @param {any} deployment @param {any} aws
 * @returns {Promise<Record<string, Record<string, string>>>}
 */
export async function createHealthChecks(deployment, aws) {
  /** @type {Record<string, Record<string, string>>} */
  const ids = {};
  for (const check of deployment.healthChecks ?? []) {
    let reply;
    try {
      reply = await aws.restXml('route53', 'us-east-1', 'POST', '/2013-04-01/healthcheck', createHealthCheckBody(check.callerReference, check.config));
    } catch (error) {
      throw new DeploymentError(`Route 53 CreateHealthCheck ${check.logicalId} (${check.stack}) failed in the lab: ${error.message}`);
    }
    const id = xmlText(reply, 'Id');
    if (!id) throw new DeploymentError(`Route 53 CreateHealthCheck ${check.logicalId} answered no Id: ${reply.slice(0, 300)}`);
    (ids[check.stack] ??= {})[check.logicalId] = id;
  }
  return ids;
}

/** Refuses a deployment whose health checks were not created yet: its functions would carry no real ids. */
export function requireCreatedHealthChecks(deployment) {
  const pending = (deployment.healthChecks ?? []).filter((check) => check.id === null).map((check) => `${check.stack}.${check.logicalId}`);
  if (pending.length > 0) {
    throw new DeploymentError(`health checks ${pending.join(', ')} have no id yet: create them (createHealthChecks) and resolve the deployment again with their ids`);
  }
  const waiting = (deployment.pendingStacks ?? []).map((stack) => `${stack.name} (${stack.parameters.join(', ')})`);
  if (waiting.length > 0) {
    throw new DeploymentError(`stacks ${waiting.join(', ')} wait for health check ids: create the checks (createHealthChecks) and resolve the deployment again with their ids`);
  }
}

/** The PUT /_lab/iam/roles body (contract C1) for the deployment's roles. */
export function rolesDocument(deployment) {
  return { roles: deployment.roles.map((role) => ({ arn: role.arn, policies: role.policies.map((policy) => ({ name: policy.name, document: policy.document })) })) };
}

/**
 * Deploys into the lab. `labUrl`: the lab's base URL; `aws`: an AwsClient with the administrative identity.
 * Returns `{ credentials }`: role ARN → { accessKeyId, secretAccessKey }.
 * @param {any} deployment @param {{ labUrl: string, aws: any, fetchImpl?: typeof fetch }} lab
 */
export async function deployToLab(deployment, { labUrl, aws, fetchImpl = fetch }) {
  requireCreatedHealthChecks(deployment);
  const credentials = await putRoles(deployment, labUrl, fetchImpl);
  await createResources(deployment, aws);
  return { credentials };
}

/** PUT /_lab/iam/roles; returns role ARN → key pair. */
export async function putRoles(deployment, labUrl, fetchImpl = fetch) {
  const path = '/_lab/iam/roles';
  let response;
  try {
    response = await fetchImpl(new URL(path, labUrl), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rolesDocument(deployment)) });
  } catch (error) {
    throw new DeploymentError(`the lab at ${labUrl} is unreachable (PUT ${path}): ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  if (response.status === 404 || response.status === 405) {
    throw new DeploymentError(`the lab does not serve PUT ${path} (contract C1, lab IAM): this lab cannot host the template deployment; build the lab with IAM (answered ${response.status})`);
  }
  if (!response.ok) throw new DeploymentError(`the lab refused the deployment's roles (PUT ${path} answered ${response.status}): ${text.slice(0, 2000)}`);
  const reply = JSON.parse(text);
  /** @type {Record<string, { accessKeyId: string, secretAccessKey: string }>} */
  const credentials = {};
  for (const role of reply.roles ?? []) credentials[role.arn] = { accessKeyId: role.accessKeyId, secretAccessKey: role.secretAccessKey };
  const missing = deployment.roles.filter((role) => !credentials[role.arn]?.accessKeyId);
  if (missing.length > 0) throw new DeploymentError(`PUT ${path} answered no key pair for ${missing.map((role) => role.arn).join(', ')}`);
  return credentials;
}

/** Confirms the pending subscriptions of a topic through the lab's control API, as their owner would. */
async function confirmSubscriptions(labUrl, topicArn) {
  const response = await fetch(new URL('/_lab/subscriptions/confirm', labUrl), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ topicArn }),
  });
  if (!response.ok) throw new Error(`POST /_lab/subscriptions/confirm answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
}

/** The C2 calls: topics and their subscriptions, alarms, state machines (idempotent: each replaces or returns the existing one). */
export async function createResources(deployment, aws) {
  requireCreatedHealthChecks(deployment);
  const call = async (what, action) => {
    try {
      return await action();
    } catch (error) {
      throw new DeploymentError(`${what} failed in the lab (contract C2): ${error.message}`);
    }
  };
  for (const topic of deployment.topics) {
    await call(`SNS CreateTopic ${topic.name} (${topic.region})`, () => aws.query('sns', topic.region, createTopicParameters(topic.name, topic.attributes)));
  }
  for (const subscription of deployment.subscriptions ?? []) {
    await call(`SNS Subscribe ${subscription.protocol} ${subscription.endpoint} to ${subscription.topicArn}`, () => aws.query('sns', subscription.region, {
      Action: 'Subscribe', Version: '2010-03-31', TopicArn: subscription.topicArn, Protocol: subscription.protocol, Endpoint: subscription.endpoint,
    }));
  }
  // The on-call person confirms the e-mail: in the lab the deployment does it through the control API (once per topic).
  for (const topicArn of new Set((deployment.subscriptions ?? []).map((subscription) => subscription.topicArn))) {
    await call(`confirming the subscriptions of ${topicArn}`, () => confirmSubscriptions(aws.endpoint, topicArn));
  }
  for (const alarm of deployment.alarms) {
    await call(`CloudWatch PutMetricAlarm ${alarm.name} (${alarm.region})`, () => aws.query('monitoring', alarm.region, putMetricAlarmParameters(alarm.name, alarm.properties)));
  }
  // After the metric alarms: PutCompositeAlarm refuses a rule naming an alarm that does not exist yet.
  for (const alarm of deployment.compositeAlarms ?? []) {
    await call(`CloudWatch PutCompositeAlarm ${alarm.name} (${alarm.region})`, () => aws.query('monitoring', alarm.region, putCompositeAlarmParameters(alarm.name, alarm.properties)));
  }
  for (const machine of deployment.stateMachines) {
    await call(`Step Functions CreateStateMachine ${machine.name} (${machine.region})`, () => aws.json('states', machine.region, 'AWSStepFunctions.CreateStateMachine', {
      name: machine.name, definition: machine.definitionText, roleArn: machine.roleArn, type: machine.type,
    }));
  }
}
