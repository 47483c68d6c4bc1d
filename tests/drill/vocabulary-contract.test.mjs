// tools/drill/lib/vocabulary.mjs against the names it mirrors: the lab's fault kinds (FaultKind.cs), the decision
// actions (DecisionAction.cs and docs/contracts.md section 5), and the DR_* variables (EnvironmentVariables.cs and
// docs/contracts.md section 2), each read from its file, so the drill cannot drift from the C# side or the contract.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CONFIGURATION_VARIABLES, DECISIONS, FAULT_KINDS, OUTAGE_KINDS, PROMOTION_KINDS,
} from '../../tools/drill/lib/vocabulary.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(`${ROOT}/${path}`, 'utf8');

/** The members of a C# enum, in declaration order (doc comments and attributes skipped). */
export function enumMembers(source, name) {
  const body = new RegExp(`\\benum\\s+${name}\\s*\\{([^}]*)\\}`).exec(source)?.[1];
  if (body === undefined) throw new Error(`no enum ${name} in the source`);
  return body
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter((line) => line && !line.startsWith('['))
    .map((line) => /^([A-Za-z_]\w*)\s*(?:=[^,]*)?,?$/.exec(line)?.[1] ?? assert.fail(`unexpected line in enum ${name}: ${line}`));
}

/** The string values of the `public const string` fields of a C# class that start with `prefix`. */
export function stringConstants(source, prefix) {
  return [...source.matchAll(/public\s+const\s+string\s+\w+\s*=\s*"([^"]*)"/g)].map((match) => match[1]).filter((value) => value.startsWith(prefix));
}

/** The section of docs/contracts.md from its heading `## <number>.` to the next numbered heading. */
export function contractSection(text, number) {
  const start = text.indexOf(`\n## ${number}. `);
  if (start < 0) throw new Error(`docs/contracts.md has no section ${number}`);
  const next = text.slice(start + 1).search(/\n## \d+[a-z]?\. /);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

/** The variable names of the first column of the configuration table (`| \`NAME\` | default | meaning |`). */
export function tableVariables(section, prefix) {
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]).filter((name) => name.startsWith(prefix));
}

/**
 * Fails with both differences spelled out when two name lists are not the same set: what `actualSource` lacks and
 * what it has that `expectedSource` does not.
 */
export function assertSameNames(actual, expected, actualSource, expectedSource) {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const duplicates = actual.filter((name, index) => actual.indexOf(name) !== index);
  if (missing.length === 0 && extra.length === 0 && duplicates.length === 0) return;
  assert.fail([
    `${actualSource} and ${expectedSource} disagree:`,
    missing.length > 0 && `  in ${expectedSource}, missing from ${actualSource}: ${missing.join(', ')}`,
    extra.length > 0 && `  in ${actualSource}, not in ${expectedSource}: ${extra.join(', ')}`,
    duplicates.length > 0 && `  listed twice in ${actualSource}: ${duplicates.join(', ')}`,
  ].filter(Boolean).join('\n'));
}

/** Fails naming every entry of `subset` that `superset` lacks. */
export function assertSubset(subset, superset, subsetSource, supersetSource) {
  const unknown = subset.filter((name) => !superset.includes(name));
  assert.deepEqual(unknown, [], `${subsetSource} names what ${supersetSource} does not: ${unknown.join(', ')}`);
}

describe('the parsers', () => {
  it('enumMembers_EnumWithDocCommentsAndAttributes_ListsMembersInOrder', () => {
    const source = 'enum Kind\n{\n    /// <summary>One.</summary>\n    [Obsolete]\n    One,\n\n    Two = 5,\n    Three\n}\n';
    assert.deepEqual(enumMembers(source, 'Kind'), ['One', 'Two', 'Three']);
  });

  it('enumMembers_MissingEnum_Throws', () => {
    assert.throws(() => enumMembers('enum Other { A }', 'Kind'), /no enum Kind/);
  });

  it('assertSameNames_DifferentSets_NamesBothDifferences', () => {
    assert.throws(() => assertSameNames(['A', 'B'], ['B', 'C'], 'left.mjs', 'right.cs'),
      (error) => /missing from left\.mjs: C/.test(error.message) && /in left\.mjs, not in right\.cs: A/.test(error.message));
  });

  it('tableVariables_ConfigurationTable_ReadsFirstColumn', () => {
    const section = '| variable | default |\n|---|---|\n| `DR_A` | `1` | x |\n| `AWS_REGION` | - | y |\n';
    assert.deepEqual(tableVariables(section, 'DR_'), ['DR_A']);
  });
});

describe('vocabulary.mjs against the C# names and docs/contracts.md', () => {
  const contracts = read('docs/contracts.md');

  it('FAULT_KINDS_Always_AreTheLabsFaultKinds', () => {
    const kinds = enumMembers(read('tools/DrLab/World/FaultKind.cs'), 'FaultKind');
    assertSameNames(Object.keys(FAULT_KINDS), kinds, 'FAULT_KINDS (vocabulary.mjs)', 'FaultKind (tools/DrLab/World/FaultKind.cs)');
  });

  it('OUTAGE_KINDS_Always_AreFaultKinds', () => {
    assertSubset(OUTAGE_KINDS, Object.keys(FAULT_KINDS), 'OUTAGE_KINDS', 'FAULT_KINDS');
  });

  it('DECISIONS_Always_AreTheDecisionActions', () => {
    const actions = enumMembers(read('src/Shared/Decisions/DecisionAction.cs'), 'DecisionAction');
    assertSameNames(DECISIONS, actions, 'DECISIONS (vocabulary.mjs)', 'DecisionAction (src/Shared/Decisions/DecisionAction.cs)');
  });

  it('DECISIONS_Always_AreTheContractsDecisionActions', () => {
    const listed = /"action":\s*"([A-Za-z|]+)"/.exec(contractSection(contracts, 5))?.[1];
    assert.ok(listed, 'docs/contracts.md section 5 lists no "action": "A|B|..." in the assess result');
    assertSameNames(DECISIONS, listed.split('|'), 'DECISIONS (vocabulary.mjs)', 'the assess result\'s decision.action (docs/contracts.md section 5)');
  });

  it('PROMOTION_KINDS_Always_AreDecisionActions', () => {
    assertSubset(PROMOTION_KINDS, DECISIONS, 'PROMOTION_KINDS', 'DECISIONS');
  });

  it('CONFIGURATION_VARIABLES_Always_AreEnvironmentVariables', () => {
    const names = stringConstants(read('src/Shared/Configuration/EnvironmentVariables.cs'), 'DR_');
    assertSubset(Object.keys(CONFIGURATION_VARIABLES), names, 'CONFIGURATION_VARIABLES (vocabulary.mjs)', 'EnvironmentVariables.cs');
  });

  it('CONFIGURATION_VARIABLES_Always_AreInTheContractsConfigurationTable', () => {
    const names = tableVariables(contractSection(contracts, 2), 'DR_');
    assertSubset(Object.keys(CONFIGURATION_VARIABLES), names, 'CONFIGURATION_VARIABLES (vocabulary.mjs)', 'docs/contracts.md section 2');
  });

  it('EnvironmentVariables_Always_MatchTheContractsConfigurationTable', () => {
    // The names the drill may set are checked against both, so both must name the same DR_* variables.
    const code = stringConstants(read('src/Shared/Configuration/EnvironmentVariables.cs'), 'DR_');
    const documented = tableVariables(contractSection(contracts, 2), 'DR_');
    assertSameNames(code, documented, 'EnvironmentVariables.cs', 'docs/contracts.md section 2');
  });

  it('CONFIGURATION_VARIABLES_Always_HaveAKnownTimeBasis', () => {
    const odd = Object.entries(CONFIGURATION_VARIABLES).filter(([, basis]) => !['wall', 'wallExact', 'model', 'value'].includes(basis));
    assert.deepEqual(odd, [], 'every configuration variable is passed as wall, wallExact, model or value');
  });
});
