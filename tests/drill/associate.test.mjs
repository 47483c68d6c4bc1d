import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSOCIATE_REQUESTED_BY, associateCreatedHealthChecks } from '../../tools/drill/lib/associate.mjs';
import { DrillSetupError, TaskError } from '../../tools/drill/lib/errors.mjs';
import { finalWorld } from '../../tools/drill/lib/world.mjs';
import { labState, sampleLab } from './support/fixtures.mjs';

const CREATED = ['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000002'];
const deployment = (ids = CREATED) => ({
  healthChecks: ids.map((id, index) => ({ stack: 'main', logicalId: index === 0 ? 'PrimaryHealthCheck' : 'SecondaryHealthCheck', id })),
  functions: [{ code: 'HealthValidator', name: 'drlambdas-HealthValidatorFunction-X' }, { code: 'DnsUpdater', name: 'drlambdas-DnsUpdaterFunction-Y' }],
});

describe('associateCreatedHealthChecks', () => {
  it('AssociateCreatedHealthChecks_CreatedChecks_InvokesDnsUpdaterAssociateAsAnOperator', async () => {
    const calls = [];
    const invoke = async (url, name, payload) => {
      calls.push([url, name, payload]);
      return { ok: true, result: { changeIds: ['/change/C1'], changed: [{ setIdentifier: 'tpe', from: 'built-in', to: CREATED[0] }], unchanged: 1 } };
    };

    const associated = await associateCreatedHealthChecks({ emulatorUrl: 'http://127.0.0.1:1', deployment: deployment(), invoke });

    assert.deepEqual(calls, [['http://127.0.0.1:1', 'drlambdas-DnsUpdaterFunction-Y', { operation: 'associate', requestedBy: ASSOCIATE_REQUESTED_BY }]]);
    assert.deepEqual(associated?.changeIds, ['/change/C1']);
  });

  it('AssociateCreatedHealthChecks_AdoptedChecks_NothingToDo', async () => {
    const invoke = async () => assert.fail('no invocation when nothing was created');

    assert.equal(await associateCreatedHealthChecks({ emulatorUrl: 'x', deployment: deployment([]), invoke }), null);
  });

  it('AssociateCreatedHealthChecks_FunctionError_IsASetupError', async () => {
    const invoke = async () => ({ ok: false, error: new TaskError('ConfigurationException', 'no such health check') });

    await assert.rejects(associateCreatedHealthChecks({ emulatorUrl: 'x', deployment: deployment(), invoke }), (error) => error instanceof DrillSetupError && /ConfigurationException/.test(error.message));
  });

  it('AssociateCreatedHealthChecks_RecordsGetAnotherId_IsASetupError', async () => {
    const invoke = async () => ({ ok: true, result: { changeIds: ['/change/C1'], changed: [{ setIdentifier: 'tpe', from: null, to: 'someone-elses' }], unchanged: 0 } });

    await assert.rejects(associateCreatedHealthChecks({ emulatorUrl: 'x', deployment: deployment(), invoke }), DrillSetupError);
  });
});

describe('finalWorld and the set-up changes', () => {
  it('FinalWorld_SetupChange_NotCountedAmongTheScenariosChanges', () => {
    const state = labState(Date.parse('2026-11-26T00:00:00Z'));
    state.dns.changes = [{ id: 'C1', submittedAt: '2026-11-26T00:00:00Z', status: 'INSYNC', changes: [] }, { id: 'C2', submittedAt: '2026-11-26T00:00:05Z', status: 'INSYNC', changes: [] }];

    const world = finalWorld(sampleLab(), state, { setupChangeIds: ['/change/C1'] });

    assert.deepEqual(world.dnsChanges.map((change) => change.id), ['C2']);
  });
});
