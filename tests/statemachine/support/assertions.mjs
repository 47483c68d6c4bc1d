import assert from 'node:assert/strict';

/** The visited states that belong to the definition's top level, in order (branch and Map states dropped). */
export function topLevelPath(definition, visited) {
  const topLevel = new Set(Object.keys(definition.States));
  return visited.filter((name) => topLevel.has(name));
}

/** Asserts that `expected` appears in `visited` in this order (other states may come in between). */
export function assertVisitedInOrder(visited, expected) {
  let from = 0;
  for (const name of expected) {
    const at = visited.indexOf(name, from);
    assert.ok(at >= 0, `expected ${name} after position ${from} in ${JSON.stringify(visited)}`);
    from = at + 1;
  }
}

export function assertNotVisited(visited, names) {
  for (const name of names) {
    assert.ok(!visited.includes(name), `${name} must not be visited: ${JSON.stringify(visited)}`);
  }
}

/** How many times a state was retried (StateRetried events). */
export function retries(result, stateName) {
  return result.events.filter((event) => event.type === 'StateRetried' && event.state.name === stateName).length;
}

/** The input of the last time the state was entered: for a failed execution, the document its end states saw. */
export function inputOf(result, stateName) {
  const entries = result.events.filter((event) => event.type === 'StateEntered' && event.state.name === stateName);
  assert.ok(entries.length > 0, `${stateName} was never entered`);
  return entries[entries.length - 1].state.input;
}
