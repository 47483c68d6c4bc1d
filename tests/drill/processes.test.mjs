import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { childProcessesRunning, parentPidOf } from '../../tools/drill/lib/crash-injector.mjs';
import { dotnetCommand } from '../../tools/drill/lib/emulators.mjs';
import { DrillSetupError } from '../../tools/drill/lib/errors.mjs';
import { readyDocumentOf, startService } from '../../tools/drill/lib/processes.mjs';

const logPath = () => join(mkdtempSync(join(tmpdir(), 'drill-logs-')), 'service.log');

describe('startService', () => {
  it('ReadyDocumentOf_JsonLineWithBaseUrl_IsTheReadyDocument', () => {
    assert.deepEqual(readyDocumentOf('{"baseUrl":"http://127.0.0.1:1","profile":"fast"}'), { baseUrl: 'http://127.0.0.1:1', profile: 'fast' });
  });

  it('ReadyDocumentOf_OtherLines_AreNotReady', () => {
    assert.equal(readyDocumentOf('{"level":"info"}'), undefined);
    assert.equal(readyDocumentOf('starting on {port}'), undefined);
  });

  it('StartService_PrintsItsReadyLine_ResolvesWithItAndStops', async () => {
    const script = 'console.error("warming up"); console.log("listening"); console.log(JSON.stringify({ baseUrl: "http://127.0.0.1:7" })); setInterval(() => {}, 1000);';
    const log = logPath();

    const service = await startService('fake lab', process.execPath, ['-e', script], { logPath: log });
    await service.stop();

    assert.equal(service.ready.baseUrl, 'http://127.0.0.1:7');
    assert.match(readFileSync(log, 'utf8'), /warming up/);
  });

  it('StartService_ExitsBeforeReady_ThrowsSetupErrorWithItsLastOutput', async () => {
    const script = 'console.error("port already in use"); process.exit(3);';

    await assert.rejects(
      startService('fake lab', process.execPath, ['-e', script], { logPath: logPath() }),
      (error) => error instanceof DrillSetupError && /fake lab did not start: exited \(code 3\)/.test(error.message) && /port already in use/.test(error.message),
    );
  });

  it('StartService_SilentPastTheTimeout_ThrowsSetupError', async () => {
    await assert.rejects(
      startService('fake lab', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { logPath: logPath(), timeoutMs: 300 }),
      /no ready line within 0\.3 s/,
    );
  });

  it('DotnetCommand_Dll_RunsThroughDotnet', () => {
    assert.deepEqual(dotnetCommand('/x/Lab.dll', ['--port', '0']), { command: 'dotnet', args: ['/x/Lab.dll', '--port', '0'] });
    assert.deepEqual(dotnetCommand('/x/lab', ['--port', '0']), { command: '/x/lab', args: ['--port', '0'] });
  });
});

describe('crash injector process lookup', () => {
  it('ParentPidOf_CommandWithSpacesAndParentheses_ReadsTheParent', () => {
    assert.equal(parentPidOf('4242 (my (odd) cmd) S 17 4242 4242 0 -1'), 17);
  });

  it('ChildProcessesRunning_ChildOfThisProcess_FoundByItsExecutable', async () => {
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const sleep = realpathSync('/proc/' + child.pid + '/exe');

      assert.deepEqual(childProcessesRunning(process.pid, sleep), [child.pid]);
      assert.deepEqual(childProcessesRunning(process.pid, '/nonexistent/bootstrap'), []);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
