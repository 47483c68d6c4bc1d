// @ts-check
// The lab's ground truth at the end of a scenario, in the scenario's terms (Region roles).
import { roleOf } from './lab-world.mjs';
import { ROLES } from './vocabulary.mjs';

const ROLE_ORDER = [...ROLES, undefined];

/** Every database operation the lab knows, current one included, oldest first. */
export function databaseOperations(state) {
  const operations = new Map();
  for (const operation of [...(state.database.operations ?? []), state.database.currentOperation].filter(Boolean)) {
    operations.set(operation.id, operation);
  }
  return [...operations.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/**
 * The final world in the scenario's terms. `setupChangeIds`: Route 53 changes the drill's set-up made (associate
 * after the reset), left out of the scenario's DNS change batches.
 * @param {any} lab @param {any} state @param {{ setupChangeIds?: string[] }} [options]
 */
export function finalWorld(lab, state, { setupChangeIds = [] } = {}) {
  const setup = new Set(setupChangeIds.map((id) => id.replace(/^\/change\//, '')));
  return {
    writer: { region: state.database.writerRegion, role: roleOf(lab, state.database.writerRegion) },
    weights: state.dns.weights
      .map((w) => ({ setIdentifier: w.setIdentifier, region: w.region, role: roleOf(lab, w.region), weight: w.weight }))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)),
    promotions: databaseOperations(state).map((op) => ({
      kind: op.kind,
      from: roleOf(lab, op.fromRegion),
      to: roleOf(lab, op.toRegion),
      outcome: op.outcome,
      lostWrites: op.lostWrites,
      startedAt: op.startedAt,
      finishedAt: op.finishedAt ?? null,
    })),
    dnsChanges: state.dns.changes.filter((change) => !setup.has(String(change.id).replace(/^\/change\//, ''))).map((change) => ({ id: change.id, submittedAt: change.submittedAt, insyncAt: change.insyncAt, status: change.status, changes: change.changes })),
    notifications: state.messages.map((message) => ({
      at: message.publishedAt,
      severity: message.attributes?.severity ?? null,
      subject: message.subject ?? '',
      message: message.message,
    })),
    activeFaults: state.faults.filter((fault) => fault.status === 'active').map((fault) => fault.kind),
  };
}
