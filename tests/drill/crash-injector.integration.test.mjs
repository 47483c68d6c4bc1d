// The crash injector against the real Lambda emulator hosting the runtime's AOT echo fixture. Skipped (with the
// reason) until both are built: dotnet build tools/LambdaEmulator -c Release;
// scripts/publish-functions.sh --project tests/fixtures/EchoFunction/EchoFunction.csproj --rid linux-x64.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EmulatorPool } from '../../tools/drill/lib/emulators.mjs';
import { invokeFunction } from '../../tools/drill/lib/lambda-task.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const emulator = join(root, 'tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll');
const echo = join(root, `artifacts/functions/EchoFunction/${process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64'}/bootstrap`);
const missing = [emulator, echo].filter((path) => !existsSync(path));

describe('CrashInjector with the Lambda emulator', { skip: missing.length > 0 && `not built: ${missing.join(', ')}` }, () => {
  let pool;
  let host;

  before(async () => {
    pool = new EmulatorPool({ emulatorProgram: emulator, bootstraps: { Echo: echo }, workDirectory: mkdtempSync(join(tmpdir(), 'drill-emulator-')) });
    host = await pool.acquire([{ name: 'Echo', code: 'Echo', env: {}, memorySize: 128, timeout: 60 }], 'ap-northeast-1');
  });

  after(() => pool?.close());

  const call = () => invokeFunction(host.url, 'Echo', { action: 'echo', message: 'hello' });

  it('CrashDuring_WarmProcess_InvocationFailsAsLambdaUnknownAndTheNextOneIsColdAndSucceeds', async () => {
    await call();

    const crashed = await host.crashInjector.crashDuring('Echo', call);
    const next = await call();

    assert.equal(crashed.status, 'Crash');
    assert.equal(crashed.error.name, 'Lambda.Unknown');
    assert.match(crashed.error.message, /Runtime\.ExitError/);
    assert.deepEqual([next.ok, next.coldStart], [true, true]);
  });

  it('CrashDuring_NoProcessYet_KillsTheNewProcessDuringItsInitialisation', async () => {
    await fetch(new URL('/_emulator/functions/Echo/instances', host.url), { method: 'DELETE' });

    const crashed = await host.crashInjector.crashDuring('Echo', call);

    assert.ok(['InitError', 'Crash'].includes(crashed.status), `status ${crashed.status}`);
    assert.equal(crashed.error.name, 'Lambda.Unknown');
  });
});
