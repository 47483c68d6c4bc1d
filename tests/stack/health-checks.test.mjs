// template.yaml's Route 53 health checks in the lab deployment: created (a Ref is the id Route 53 assigns, so the
// deployment is resolved again once they exist; the lab parameter file's mode) or adopted (the lab's built-in ids).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDeployment, healthCheckCallerReference } from '../../tools/stack/deployment.mjs';
import { DeploymentError, RuleAssertionError } from '../../tools/stack/errors.mjs';
import { createHealthCheckBody, createHealthChecks, createResources, requireCreatedHealthChecks } from '../../tools/stack/lab-deploy.mjs';
import { PRIMARY, ROOT, SECONDARY, labFacts, parameterFileForTree } from './support/lab.mjs';

const PARAMETER_FILE = parameterFileForTree();
export const CREATE = {
  HealthChecks: 'create',
  PrimaryHealthCheckFqdn: `${PRIMARY}.api.example.com`,
  SecondaryHealthCheckFqdn: `${SECONDARY}.api.example.com`,
  HealthCheckIntervalSeconds: 10,
  HealthCheckRegions: 'us-east-1,eu-west-1,ap-southeast-1',
};
/** The lab's built-in checks adopted instead (the lab parameter file creates its own). */
const ADOPT_LAB = {
  HealthChecks: 'adopt',
  PrimaryHealthCheckId: labFacts().env.DR_PRIMARY_HEALTH_CHECK_ID,
  SecondaryHealthCheckId: labFacts().env.DR_SECONDARY_HEALTH_CHECK_ID,
};
const deploy = (main = {}, physicalIds = undefined) =>
  buildDeployment({ root: ROOT, lab: labFacts(), parameterFile: PARAMETER_FILE, overrides: { main }, physicalIds });
const env = (deployment) => deployment.functions.find((fn) => fn.code === 'DnsUpdater').env;

describe('health checks in the lab deployment', () => {
  it('Adopt_TheLabsBuiltInIds_FunctionsAndTheForwarderGetThemAndNothingIsCreated', () => {
    const builtIn = labFacts().env;

    const deployment = deploy({ ...ADOPT_LAB });

    assert.deepEqual(deployment.healthChecks, []);
    assert.equal(env(deployment).DR_PRIMARY_HEALTH_CHECK_ID, builtIn.DR_PRIMARY_HEALTH_CHECK_ID);
    const forwarder = deployment.alarms.find((alarm) => alarm.stack === 'forwarder' && alarm.logicalId === 'PrimaryHealthCheckAlarm');
    assert.deepEqual(forwarder.properties.Dimensions, [{ Name: 'HealthCheckId', Value: builtIn.DR_PRIMARY_HEALTH_CHECK_ID }]);
  });

  it('Create_LabParameterFile_CreatesOneCheckPerRegionAndTheForwarderWaits', () => {
    const deployment = deploy();

    assert.deepEqual(deployment.healthChecks.map((check) => check.config.FullyQualifiedDomainName), [`${PRIMARY}.api.example.com`, `${SECONDARY}.api.example.com`]);
    assert.deepEqual(deployment.pendingStacks.map((stack) => stack.name), ['forwarder']);
  });

  it('Create_BeforeTheChecksExist_ListsThemWithoutIdsAndRefusesToDeploy', async () => {
    const deployment = deploy(CREATE);

    assert.deepEqual(deployment.healthChecks.map((check) => [check.logicalId, check.id]), [['PrimaryHealthCheck', null], ['SecondaryHealthCheck', null]]);
    assert.match(env(deployment).DR_PRIMARY_HEALTH_CHECK_ID, /pending/);
    assert.throws(() => requireCreatedHealthChecks(deployment), DeploymentError);
    await assert.rejects(createResources(deployment, {}), /have no id yet/);
  });

  it('Create_ResolvedHealthCheckConfig_IsHttpsOnTheRegionEndpointWithTheParameters', () => {
    const [primary] = deploy(CREATE).healthChecks;

    assert.deepEqual(primary.config, {
      Type: 'HTTPS', FullyQualifiedDomainName: `${PRIMARY}.api.example.com`, Port: '443', ResourcePath: '/actuator/health/regional',
      RequestInterval: '10', FailureThreshold: '3', Regions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'],
    });
  });

  it('Create_WithTheAssignedIds_FunctionsAndTheHealthValidatorPolicyUseThem', () => {
    const ids = { main: { PrimaryHealthCheck: '11111111-2222-4333-a444-555555555555', SecondaryHealthCheck: '66666666-7777-4888-a999-000000000000' } };

    const deployment = deploy(CREATE, ids);

    assert.equal(env(deployment).DR_PRIMARY_HEALTH_CHECK_ID, ids.main.PrimaryHealthCheck);
    assert.equal(env(deployment).DR_SECONDARY_HEALTH_CHECK_ID, ids.main.SecondaryHealthCheck);
    const validator = deployment.roles.find((role) => role.logicalId === 'HealthValidatorRole');
    const reads = validator.policies[0].document.Statement.find((statement) => statement.Sid === 'ReadHealthChecks');
    assert.deepEqual(reads.Resource, Object.values(ids.main).map((id) => `arn:aws:route53:::healthcheck/${id}`));
    assert.equal(deployment.stacks.find((stack) => stack.name === 'main').outputs.PrimaryRegionHealthCheckId, ids.main.PrimaryHealthCheck);
    assert.doesNotThrow(() => requireCreatedHealthChecks(deployment));
  });

  it('Create_NewInterval_NewCallerReferenceSoANewCheckAsCloudFormationReplacesIt', () => {
    const ten = deploy(CREATE).healthChecks[0].callerReference;
    const thirty = deploy({ ...CREATE, HealthCheckIntervalSeconds: 30 }).healthChecks[0].callerReference;

    assert.notEqual(ten, thirty);
    assert.equal(deploy(CREATE).healthChecks[0].callerReference, ten);
    assert.ok(ten.length <= 64);
  });

  it('Create_NoEndpoint_IsARuleAssertionError', () => {
    assert.throws(() => deploy({ ...CREATE, SecondaryHealthCheckFqdn: '' }), RuleAssertionError);
  });

  it('Adopt_NoIds_IsARuleAssertionError', () => {
    assert.throws(() => deploy({ HealthChecks: 'adopt' }), RuleAssertionError);
  });

  it('CreateHealthCheckBody_Lists_AreWrittenWithTheirMemberElements', () => {
    const body = createHealthCheckBody('ref&1', { Type: 'HTTPS', Regions: ['us-east-1', 'eu-west-1'], RequestInterval: '10' });

    assert.match(body, /<CallerReference>ref&amp;1<\/CallerReference>/);
    assert.match(body, /<Regions><Region>us-east-1<\/Region><Region>eu-west-1<\/Region><\/Regions>/);
    assert.match(body, /<RequestInterval>10<\/RequestInterval>/);
  });

  it('CreateHealthChecks_EachCheck_OneCreateHealthCheckCallAndItsIdPerLogicalId', async () => {
    const calls = [];
    const aws = { restXml: async (service, region, method, path, body) => {
      calls.push([service, region, method, path]);
      return `<CreateHealthCheckResponse><HealthCheck><Id>id-${calls.length}</Id></HealthCheck></CreateHealthCheckResponse>`;
    } };

    const ids = await createHealthChecks(deploy(CREATE), aws);

    assert.deepEqual(ids, { main: { PrimaryHealthCheck: 'id-1', SecondaryHealthCheck: 'id-2' } });
    assert.deepEqual(calls[0], ['route53', 'us-east-1', 'POST', '/2013-04-01/healthcheck']);
  });

  it('HealthCheckCallerReference_LongNames_FitRoute53sLimit', () => {
    assert.ok(healthCheckCallerReference('x'.repeat(100), 'PrimaryHealthCheck', {}).length <= 64);
  });
});
