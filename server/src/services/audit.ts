import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { StaffActor } from './actor.ts';

/** What a change hands back to be recorded: the entity it touched, the caller's result, the log's details. */
export interface AuditedWork<T> {
  id: number | null;
  result: T;
  details: Record<string, unknown>;
}

/**
 * Every change a staff member makes to the center's set-up (fields, counters, accounts, devices, printers) is
 * validated, written and recorded in the audit log in one transaction, so the log never misses a change and
 * never names one that did not happen.
 */
export function createAudit(deps: { store: OpenDb; clock: Clock }) {
  const { db, sqlite } = deps.store;
  return function audited<T>(actor: StaffActor, action: string, entity: string, work: () => AuditedWork<T>): T {
    return sqlite.transaction(() => {
      const { id, result, details } = work();
      adminRepo.audit(db, { at: deps.clock.now(), actorId: actor.staffId, action, entity, entityId: id, details });
      return result;
    })();
  };
}

export type Audited = ReturnType<typeof createAudit>;
