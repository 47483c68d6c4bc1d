// The emulator's command line and env file for the deployed functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emulatorArguments, envFileDocument } from '../../tools/drill/lib/emulators.mjs';
import { DrillSetupError } from '../../tools/drill/lib/errors.mjs';

const FUNCTIONS = [
  { name: 'drlambdas-DnsUpdaterFunction-ABC', code: 'DnsUpdater', env: { B: '2', A: 1 }, memorySize: 256, timeout: 30 },
];

describe('emulator set-up', () => {
  it('EnvFileDocument_PerFunctionSections_SamEnvVarsJson', () => {
    assert.deepEqual(JSON.parse(envFileDocument(FUNCTIONS)), { Parameters: {}, 'drlambdas-DnsUpdaterFunction-ABC': { A: '1', B: '2' } });
  });

  it('EmulatorArguments_DeployedFunction_BootstrapByCodeNameWithMemoryAndTimeout', () => {
    const args = emulatorArguments(FUNCTIONS, { DnsUpdater: '/b/dns' }, 'ap-northeast-1', '/tmp/f.json');
    assert.deepEqual(args, [
      'serve', '--port', '0', '--region', 'ap-northeast-1', '--env-file', '/tmp/f.json',
      '--function', 'drlambdas-DnsUpdaterFunction-ABC=/b/dns', '--function-memory', 'drlambdas-DnsUpdaterFunction-ABC=256', '--function-timeout', 'drlambdas-DnsUpdaterFunction-ABC=30',
    ]);
  });

  it('EmulatorArguments_NoBootstrapForTheCode_IsASetupError', () => {
    assert.throws(() => emulatorArguments(FUNCTIONS, {}, 'ap-northeast-1', '/tmp/f.json'), DrillSetupError);
  });
});
