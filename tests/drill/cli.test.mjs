import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../tools/drill/lib/cli.mjs';
import { DrillUsageError } from '../../tools/drill/lib/errors.mjs';

describe('parseCommandLine', () => {
  it('ParseCommandLine_NoArguments_FastProfileDefaultScenarioDefaultArtifacts', () => {
    const options = parseCommandLine([]);

    assert.equal(options.profile, 'fast');
    assert.deepEqual(options.names, []);
    assert.equal(options.all, false);
    assert.equal(options.artifactsDirectory, 'artifacts/drills');
    assert.equal(options.ciCountsPath, undefined);
    assert.equal(options.checkFloors, false);
  });

  it('ParseCommandLine_CheckFloorsWithRealistic_BothSet', () => {
    const options = parseCommandLine(['--profile', 'realistic', '--check-floors']);

    assert.deepEqual([options.profile, options.checkFloors], ['realistic', true]);
  });

  it('ParseCommandLine_Readiness_Set', () => {
    assert.equal(parseCommandLine(['--readiness']).readiness, true);
    assert.equal(parseCommandLine([]).readiness, false);
  });

  it('ParseCommandLine_RepeatedScenarioAndFiles_KeepsAllInOrder', () => {
    const options = parseCommandLine(['--scenario', 'partition', '--scenario', 'throttling', '--scenario-file', '/tmp/x.json']);

    assert.deepEqual(options.names, ['partition', 'throttling']);
    assert.deepEqual(options.files, ['/tmp/x.json']);
  });

  it('ParseCommandLine_UnknownProfile_ThrowsUsageErrorNamingTheOption', () => {
    assert.throws(() => parseCommandLine(['--profile', 'slow']), (error) => error instanceof DrillUsageError && /--profile/.test(error.message));
  });

  it('ParseCommandLine_AllWithScenario_ThrowsUsageError', () => {
    assert.throws(() => parseCommandLine(['--all', '--scenario', 'partition']), DrillUsageError);
  });

  it('ParseCommandLine_UnknownOption_ThrowsUsageError', () => {
    assert.throws(() => parseCommandLine(['--fast']), DrillUsageError);
  });

  it('ParseCommandLine_Functions_MapsNamesToBootstraps', () => {
    const options = parseCommandLine(['--function', 'HealthValidator=/a/bootstrap', '--function', 'DnsUpdater=/b/bootstrap']);

    assert.deepEqual(options.bootstraps, { HealthValidator: '/a/bootstrap', DnsUpdater: '/b/bootstrap' });
  });

  it('ParseCommandLine_FunctionNotOfTheProject_ThrowsUsageError', () => {
    assert.throws(() => parseCommandLine(['--function', 'Other=/x']), /not a function of this project/);
  });

  it('ParseCommandLine_FunctionWithoutPath_ThrowsUsageError', () => {
    assert.throws(() => parseCommandLine(['--function', 'HealthValidator=']), /NAME=PATH/);
  });

  it('ParseCommandLine_CiCounts_KeepsThePath', () => {
    assert.equal(parseCommandLine(['--all', '--ci-counts', 'artifacts/test-results/other/drill.counts']).ciCountsPath, 'artifacts/test-results/other/drill.counts');
  });
});
