import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { DeviceKind, Role } from '@luot/shared';
import type { Db } from '../open-db.ts';
import { counters, devices, sessions, staff } from '../schema/index.ts';

export type StaffRow = typeof staff.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** Staff, sessions and devices. Tokens and pairing codes are stored only as hashes. */
export const accessRepo = {
  staffByUsername: (db: Db, username: string) => db.select().from(staff).where(eq(staff.username, username)).get(),
  staffById: (db: Db, id: number) => db.select().from(staff).where(eq(staff.id, id)).get(),
  staffCount: (db: Db): number => db.select({ n: count() }).from(staff).get()?.n ?? 0,

  createStaff(db: Db, input: { username: string; displayName: string; role: Role; passwordHash: string }, now: number): StaffRow {
    return db.insert(staff).values({ ...input, createdAt: now }).returning().get();
  },

  setStaffActive: (db: Db, id: number, active: boolean) => db.update(staff).set({ active }).where(eq(staff.id, id)).run(),

  createSession(db: Db, row: SessionRow): void {
    db.insert(sessions).values(row).run();
  },

  liveSession(db: Db, tokenHash: string, now: number): { session: SessionRow; staff: StaffRow } | undefined {
    return db
      .select({ session: sessions, staff })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
      .get();
  },

  touchSession: (db: Db, tokenHash: string, expiresAt: number) =>
    db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash)).run(),

  setSessionCounter: (db: Db, tokenHash: string, counterId: number | null) =>
    db.update(sessions).set({ counterId }).where(eq(sessions.tokenHash, tokenHash)).run(),

  deleteSession: (db: Db, tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run(),

  /** Signing an officer in to a counter; the counter row names who is there for displays and supervisors. */
  setCounterOfficer: (db: Db, counterId: number, officerId: number | null) =>
    db.update(counters).set({ officerId }).where(eq(counters.id, counterId)).run(),

  counterById: (db: Db, id: number) => db.select().from(counters).where(eq(counters.id, id)).get(),

  createDevice(
    db: Db,
    input: { kind: DeviceKind; name: string; counterId: number | null; pairingCodeHash: string | null; pairingExpiresAt: number | null; tokenHash: string | null; pairedAt: number | null },
    now: number,
  ): DeviceRow {
    return db.insert(devices).values({ ...input, createdAt: now }).returning().get();
  },

  deviceByPairingCode(db: Db, codeHash: string, now: number): DeviceRow | undefined {
    return db
      .select()
      .from(devices)
      .where(and(eq(devices.pairingCodeHash, codeHash), gt(devices.pairingExpiresAt, now), isNull(devices.revokedAt)))
      .get();
  },

  completePairing: (db: Db, id: number, tokenHash: string, now: number) =>
    db
      .update(devices)
      .set({ tokenHash, pairedAt: now, pairingCodeHash: null, pairingExpiresAt: null, lastSeenAt: now })
      .where(eq(devices.id, id))
      .run(),

  deviceByToken(db: Db, tokenHash: string): DeviceRow | undefined {
    return db
      .select()
      .from(devices)
      .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)))
      .get();
  },

  deviceById: (db: Db, id: number) => db.select().from(devices).where(eq(devices.id, id)).get(),
  listDevices: (db: Db) => db.select().from(devices).orderBy(devices.id).all(),
  touchDevice: (db: Db, id: number, now: number) => db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, id)).run(),
  revokeDevice: (db: Db, id: number, now: number) =>
    db.update(devices).set({ revokedAt: now, tokenHash: null }).where(eq(devices.id, id)).run(),
};
