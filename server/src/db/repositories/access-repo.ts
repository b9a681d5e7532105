import { and, count, eq, gt, isNull, ne } from 'drizzle-orm';
import { defaultDeviceSettings, type DeviceKind, type DeviceSettings, type Role } from '@luot/shared';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';
import { counters, devices, sessions, staff } from '../schema/index.ts';

export type StaffRow = typeof staff.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface LiveSession {
  staffId: number;
  counterId: number | null;
  expiresAt: number;
  role: StaffRow['role'];
  displayName: string;
  active: 0 | 1;
}

export interface LiveDevice {
  id: number;
  kind: DeviceRow['kind'];
  name: string;
  counterId: number | null;
  lastSeenAt: number | null;
  tokenExpiresAt: number | null;
}

const statements = perConnection((sqlite) => ({
  liveSession: sqlite.prepare(
    `SELECT s.staff_id AS staffId, s.counter_id AS counterId, s.expires_at AS expiresAt,
            st.role AS role, st.display_name AS displayName, st.active AS active
     FROM sessions s JOIN staff st ON st.id = s.staff_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
  ),
  deviceByToken: sqlite.prepare(
    `SELECT id, kind, name, counter_id AS counterId, last_seen_at AS lastSeenAt, token_expires_at AS tokenExpiresAt
     FROM devices WHERE token_hash = ? AND revoked_at IS NULL`,
  ),
}));

/** A screen's settings with defaults for anything the admin has not set. */
export function deviceSettings(row: DeviceRow): DeviceSettings {
  return { ...defaultDeviceSettings, ...(row.settings as Partial<DeviceSettings>) };
}

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

  /** Every staff request resolves its token here, so the statement is prepared once per connection. */
  liveSession(db: Db, tokenHash: string, now: number): LiveSession | undefined {
    return statements(db).liveSession.get(tokenHash, now) as LiveSession | undefined;
  },

  touchSession: (db: Db, tokenHash: string, expiresAt: number) =>
    db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash)).run(),

  setSessionCounter: (db: Db, tokenHash: string, counterId: number | null) =>
    db.update(sessions).set({ counterId }).where(eq(sessions.tokenHash, tokenHash)).run(),

  /** Every other session seated at the counter loses the seat (one seat per counter, held by one session). */
  unseatOthers: (db: Db, counterId: number, tokenHash: string) =>
    db
      .update(sessions)
      .set({ counterId: null })
      .where(and(eq(sessions.counterId, counterId), ne(sessions.tokenHash, tokenHash)))
      .run(),

  deleteSession: (db: Db, tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run(),
  deleteSessionsOf: (db: Db, staffId: number) => db.delete(sessions).where(eq(sessions.staffId, staffId)).run(),

  /** Signing an officer in to a counter; the counter row names who is there for displays and supervisors. */
  setCounterOfficer: (db: Db, counterId: number, officerId: number | null) =>
    db.update(counters).set({ officerId }).where(eq(counters.id, counterId)).run(),

  clearSeatsOf: (db: Db, staffId: number) => db.update(counters).set({ officerId: null }).where(eq(counters.officerId, staffId)).run(),
  counterById: (db: Db, id: number) => db.select().from(counters).where(eq(counters.id, id)).get(),

  createDevice(
    db: Db,
    input: {
      kind: DeviceKind;
      name: string;
      counterId: number | null;
      pairingCodeHash: string | null;
      pairingExpiresAt: number | null;
      tokenHash: string | null;
      tokenExpiresAt: number | null;
      pairedAt: number | null;
    },
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

  completePairing: (db: Db, id: number, tokenHash: string, tokenExpiresAt: number, now: number) =>
    db
      .update(devices)
      .set({ tokenHash, tokenExpiresAt, pairedAt: now, pairingCodeHash: null, pairingExpiresAt: null, lastSeenAt: now })
      .where(eq(devices.id, id))
      .run(),

  /** Every device request and socket resolves its token here. */
  deviceByToken(db: Db, tokenHash: string): LiveDevice | undefined {
    return statements(db).deviceByToken.get(tokenHash) as LiveDevice | undefined;
  },

  deviceById: (db: Db, id: number) => db.select().from(devices).where(eq(devices.id, id)).get(),
  setDeviceSettings: (db: Db, id: number, settings: DeviceSettings) => db.update(devices).set({ settings }).where(eq(devices.id, id)).run(),
  listDevices: (db: Db) => db.select().from(devices).orderBy(devices.id).all(),
  touchDevice: (db: Db, id: number, now: number) => db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, id)).run(),
  setDeviceToken: (db: Db, id: number, tokenHash: string, tokenExpiresAt: number, now: number) =>
    db.update(devices).set({ tokenHash, tokenExpiresAt, lastSeenAt: now }).where(eq(devices.id, id)).run(),
  extendDeviceToken: (db: Db, id: number, tokenExpiresAt: number) =>
    db.update(devices).set({ tokenExpiresAt }).where(eq(devices.id, id)).run(),
  revokeDevice: (db: Db, id: number, now: number) =>
    db.update(devices).set({ revokedAt: now, tokenHash: null }).where(eq(devices.id, id)).run(),
};
