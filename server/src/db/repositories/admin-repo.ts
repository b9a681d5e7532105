import type { AdminCounter, AdminField, AdminStaff, AuditChange, AuditEntry, CounterBody, FieldBody } from '@luot/shared';
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { auditLog, counterFields, counters, fields, staff, tickets } from '../schema/index.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Reads and writes of the center's set-up (fields, counters, staff, audit). Callers hold the transaction. */
export const adminRepo = {
  fields(db: Db): AdminField[] {
    return db
      .select()
      .from(fields)
      .orderBy(asc(fields.position), asc(fields.id))
      .all()
      .map((r) => ({
        id: r.id,
        active: r.active,
        issuing: r.issuing,
        code: r.code,
        parentId: r.parentId,
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        prefix: r.prefix,
        width: r.width,
        startNumber: r.startNumber,
        dailyLimit: r.dailyLimit,
        opensAt: r.opensAt,
        closesAt: r.closesAt,
        targetWaitMinutes: r.targetWaitMinutes,
        serviceMinutes: r.serviceMinutes,
        position: r.position,
      }));
  },
  field: (db: Db, id: number) => adminRepo.fields(db).find((f) => f.id === id),
  fieldByCode: (db: Db, code: string) => db.select({ id: fields.id }).from(fields).where(eq(fields.code, code)).get(),
  insertField: (db: Db, body: FieldBody) => db.insert(fields).values(body).returning({ id: fields.id }).get().id,
  updateField: (db: Db, id: number, body: FieldBody) => db.update(fields).set(body).where(eq(fields.id, id)).run(),
  setFieldActive: (db: Db, id: number, active: boolean) => db.update(fields).set({ active }).where(eq(fields.id, id)).run(),
  setIssuing: (db: Db, id: number, issuing: boolean) => db.update(fields).set({ issuing }).where(eq(fields.id, id)).run(),
  /** Tickets not yet finished in a field (any day): a field with these cannot be removed. */
  openTicketsIn(db: Db, fieldId: number): number {
    return (
      db
        .select({ n: count() })
        .from(tickets)
        .where(and(eq(tickets.fieldId, fieldId), inArray(tickets.status, ['waiting', 'called', 'serving', 'held'])))
        .get()?.n ?? 0
    );
  },
  childrenOf: (db: Db, id: number) =>
    db.select({ id: fields.id }).from(fields).where(and(eq(fields.parentId, id), eq(fields.active, true))).all(),

  counters(db: Db): AdminCounter[] {
    const links = db.select().from(counterFields).orderBy(asc(counterFields.position)).all();
    return db
      .select()
      .from(counters)
      .orderBy(asc(counters.number))
      .all()
      .map((c) => ({
        id: c.id,
        active: c.active,
        number: c.number,
        name: c.name,
        policy: c.policy,
        priorityMode: c.priorityMode,
        fields: links.filter((l) => l.counterId === c.id).map((l) => ({ fieldId: l.fieldId, weight: l.weight })),
      }));
  },
  counter: (db: Db, id: number) => adminRepo.counters(db).find((c) => c.id === id),
  counterRow: (db: Db, id: number) => db.select().from(counters).where(eq(counters.id, id)).get(),
  counterNumberTaken: (db: Db, number: number, exceptId: number | null) =>
    db
      .select({ id: counters.id })
      .from(counters)
      .where(exceptId === null ? eq(counters.number, number) : and(eq(counters.number, number), ne(counters.id, exceptId)))
      .get() !== undefined,
  insertCounter: (db: Db, body: Omit<CounterBody, 'fields'>) =>
    db.insert(counters).values({ ...body, status: 'closed' }).returning({ id: counters.id }).get().id,
  updateCounter: (db: Db, id: number, body: Omit<CounterBody, 'fields'>) => db.update(counters).set(body).where(eq(counters.id, id)).run(),
  setCounterFields(db: Db, counterId: number, list: CounterBody['fields']): void {
    db.delete(counterFields).where(eq(counterFields.counterId, counterId)).run();
    list.forEach((f, position) => db.insert(counterFields).values({ counterId, fieldId: f.fieldId, position, weight: f.weight }).run());
  },
  setCounterActive: (db: Db, id: number, active: boolean) =>
    db.update(counters).set(active ? { active } : { active, status: 'closed', officerId: null }).where(eq(counters.id, id)).run(),

  staffList(db: Db): AdminStaff[] {
    return db
      .select()
      .from(staff)
      .orderBy(asc(staff.id))
      .all()
      .map((s) => ({ id: s.id, username: s.username, displayName: s.displayName, role: s.role, active: s.active, createdAt: iso(s.createdAt) }));
  },
  staff: (db: Db, id: number) => adminRepo.staffList(db).find((s) => s.id === id),
  updateStaff: (db: Db, id: number, body: { displayName: string; role: AdminStaff['role']; active: boolean }) =>
    db.update(staff).set(body).where(eq(staff.id, id)).run(),
  setPassword: (db: Db, id: number, passwordHash: string) => db.update(staff).set({ passwordHash }).where(eq(staff.id, id)).run(),
  activeAdmins: (db: Db) =>
    db.select({ n: count() }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true))).get()?.n ?? 0,

  audit(db: Db, entry: { at: number; actorId: number | null; action: string; entity: string; entityId: number | null; details: Record<string, unknown> }): void {
    db.insert(auditLog).values(entry).run();
  },
  auditList(db: Db, limit: number): AuditEntry[] {
    return db
      .select({ a: auditLog, name: staff.displayName })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.actorId))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all()
      .map(({ a, name }) => ({
        id: a.id,
        at: iso(a.at),
        actor: a.actorId !== null && name !== null ? { id: a.actorId, name } : null,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        ...worded(a.details as Record<string, unknown>),
        details: a.details as Record<string, unknown>,
      }));
  },
};

/** Rows written since changes were worded carry `{ subject, changes }`; older rows only their raw details. */
function worded(details: Record<string, unknown>): { subject: string | null; changes: AuditChange[] } {
  const { subject, changes } = details;
  return typeof subject === 'string' && Array.isArray(changes) ? { subject, changes: changes as AuditChange[] } : { subject: null, changes: [] };
}
