// The lab parameter file's value forms (tools/stack/lab-parameters.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeploymentError } from '../../tools/stack/errors.mjs';
import { labValue } from '../../tools/stack/lab-parameters.mjs';
import { PRIMARY, labFacts } from './support/lab.mjs';

describe('labValue', () => {
  it('LabValue_Format_LabValuesInTheTextWithTheTrailingDotTrimmed', () => {
    const value = labValue({ format: '${DR_PRIMARY_REGION}.${DR_RECORD_NAME}', trimTrailingDot: true }, labFacts(), {}, 'where');

    assert.equal(value, `${PRIMARY}.api.example.com`);
  });

  it('LabValue_FormatNamingAnUnknownValue_IsADeploymentErrorNamingIt', () => {
    assert.throws(() => labValue({ format: '${NO_SUCH}.x' }, labFacts(), {}, 'stack main.parameters.X'),
      (error) => error instanceof DeploymentError && /stack main\.parameters\.X: the lab's ready document has no NO_SUCH/.test(error.message));
  });

  it('LabValue_FromOutputOfALaterStack_IsADeploymentError', () => {
    assert.throws(() => labValue({ fromOutput: 'main.PrimaryRegionHealthCheckId' }, labFacts(), {}, 'stack forwarder'), /not deployed before this one/);
  });
});
