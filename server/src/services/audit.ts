import type { AuditChange, AuditValue } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import type { StaffActor } from './actor.ts';
import type { Clock } from '../domain/clock.ts';

/** An entity as the audit log words it: flat keys (named in the console) and values a person can read. */
export type AuditRecord = Readonly<Record<string, AuditValue>>;

/** What one audited change wrote: the thing it is about, by name, and each value before → after. */
export interface Audited<T> {
  id: number | null;
  result: T;
  /** The changed thing's name as people know it: “Máy in sảnh”, “Quầy số 3”, the field's name. */
  subject: string;
  changes: AuditChange[];
}

const same = (a: AuditValue, b: AuditValue) => JSON.stringify(a) === JSON.stringify(b);

/** Every key whose value differs; `before` null for something new, `after` null for something removed. */
export function diff(before: AuditRecord | null, after: AuditRecord | null): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: AuditChange[] = [];
  for (const key of keys) {
    const was = before?.[key] ?? null;
    const now = after?.[key] ?? null;
    if (!same(was, now)) out.push({ key, before: was, after: now });
  }
  return out;
}

/**
 * Every settings change of an admin or supervisor is written with its audit row in one transaction, so the log
 * never misses a change and never names one that did not happen. The row says what changed, before → after.
 */
export function createAudit(deps: { store: OpenDb; clock: Clock }) {
  const { db, sqlite } = deps.store;
  return {
    record<T>(actor: StaffActor, action: string, entity: string, work: () => Audited<T>): T {
      return sqlite.transaction(() => {
        const { id, result, subject, changes } = work();
        adminRepo.audit(db, { at: deps.clock.now(), actorId: actor.staffId, action, entity, entityId: id, details: { subject, changes } });
        return result;
      })();
    },
  };
}

export type Audit = ReturnType<typeof createAudit>;
