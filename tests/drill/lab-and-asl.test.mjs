import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionNameOf, scaledWaits } from '../../tools/drill/lib/asl.mjs';
import { DrillSetupError } from '../../tools/drill/lib/errors.mjs';
import { LabClient, LabRequestError, resolveFault } from '../../tools/drill/lib/lab-client.mjs';
import { describeLab, roleOf } from '../../tools/drill/lib/lab-world.mjs';
import { fakeServer } from './support/fake-server.mjs';
import { PRIMARY, SECONDARY, readyDocument, sampleLab } from './support/fixtures.mjs';

describe('describeLab', () => {
  it('DescribeLab_ReadyDocument_RolesArnsAndCredentials', () => {
    const lab = sampleLab();

    assert.deepEqual(lab.regions, { primary: PRIMARY, secondary: SECONDARY });
    assert.equal(lab.accountId, '111122223333');
    assert.deepEqual(lab.credentials, { accessKeyId: 'AKIDDRLAB', secretAccessKey: 'drlab-secret' });
    assert.equal(roleOf(lab, SECONDARY), 'secondary');
  });

  it('DescribeLab_MissingVariables_ThrowsSetupErrorNamingThem', () => {
    const ready = readyDocument();
    delete ready.env.DR_PRIMARY_HEALTH_CHECK_ID;
    delete ready.timeScale;

    assert.throws(() => describeLab(ready), (error) => error instanceof DrillSetupError && /timeScale, DR_PRIMARY_HEALTH_CHECK_ID/.test(error.message));
  });
});

describe('LabClient', () => {
  it('ResolveFault_RegionRole_BecomesTheRegionName', () => {
    assert.deepEqual(resolveFault(sampleLab(), { kind: 'AppOutage', region: 'secondary', atSeconds: 5 }), { kind: 'AppOutage', region: SECONDARY, atSeconds: 5 });
  });

  it('AddFaults_LabRejects_ThrowsWithEveryMessage', async () => {
    const server = await fakeServer(() => ({ status: 400, body: '{"error":"InvalidFault","messages":["faults[0]: rate must be in (0, 1]","faults[1]: kind x"]}' }));
    try {
      await assert.rejects(new LabClient(server.url).addFaults([{ kind: 'Throttling', rate: 2 }]), (error) =>
        error instanceof LabRequestError && error.messages.length === 2 && /InvalidFault: faults\[0\]: rate must be in \(0, 1\]; faults\[1\]/.test(error.message));
      assert.deepEqual(JSON.parse(server.requests[0].body), { faults: [{ kind: 'Throttling', rate: 2 }] });
      assert.equal(server.requests[0].url, '/_lab/faults');
    } finally {
      await server.close();
    }
  });

  it('FinishExecution_Lab_PostsTheFinishDocument', async () => {
    const server = await fakeServer(() => ({ body: '{"status":"SUCCEEDED"}' }));
    try {
      await new LabClient(server.url).finishExecution({ executionArn: 'arn:x', status: 'SUCCEEDED', output: '{}' });

      assert.equal(server.requests[0].method, 'POST');
      assert.equal(server.requests[0].url, '/_lab/executions/finish');
    } finally {
      await server.close();
    }
  });

  it('State_LabDown_ThrowsSetupError', async () => {
    const server = await fakeServer(() => ({}));
    await server.close();

    await assert.rejects(new LabClient(server.url).state(), DrillSetupError);
  });
});

describe('ASL definitions', () => {
  it('ScaledWaits_LiteralSeconds_AreDividedByTheTimeScale', () => {
    const definition = { States: { A: { Type: 'Wait', Seconds: 10 }, B: { Type: 'Wait', SecondsPath: '$.s' }, C: { Type: 'Pass' } } };

    assert.deepEqual(scaledWaits(definition, 40), { A: 250 });
  });

  it('FunctionNameOf_LambdaArn_IsTheFunctionName', () => {
    assert.equal(functionNameOf('arn:aws:lambda:ap-northeast-1:111122223333:function:DnsUpdater'), 'DnsUpdater');
    assert.equal(functionNameOf('arn:aws:lambda:ap-northeast-1:111122223333:function:DnsUpdater:live'), 'DnsUpdater');
    assert.equal(functionNameOf('arn:aws:states:::sns:publish'), undefined);
  });
});
