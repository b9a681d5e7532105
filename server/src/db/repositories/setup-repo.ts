import { and, count, eq, isNull } from 'drizzle-orm';
import type { DeviceKind, DeviceSettings } from '@luot/shared';
import type { Db } from '../open-db.ts';
import { devices, fields, printers, settings } from '../schema/index.ts';

/** How the center got its set-up: the first-run screen, an imported file, or (older databases) by hand. */
export type SetupHow = 'setup' | 'import' | 'skipped';

/**
 * Where a real center stands with its first-run setup: the ONE record that the production start (banner, `luot
 * status`) and the console's setup screen both read. Begun by the first production start on an empty database,
 * completed by the setup screen, an imported configuration file or the admin's "skip".
 */
export interface SetupRecord {
  pending: boolean;
  /** How it was completed; null while pending (and on databases set up before the record existed). */
  how: SetupHow | null;
  /** The account whose one-time password the first start printed (null on the demo and older databases). */
  adminUsername: string | null;
  startedAt: number | null;
  completedAt: number | null;
  /** The admin who completed it. */
  actorId: number | null;
}

/**
 * Stored under the settings key `setup`. `done`, `how`, `actorId` and `at` are the shape written before the first
 * start's fields joined it, so a stored row of either age reads the same.
 */
interface StoredSetup {
  done: boolean;
  how?: SetupHow | null;
  actorId?: number | null;
  /** When it was completed (ISO). */
  at?: string | null;
  adminUsername?: string | null;
  startedAt?: number | null;
}

/** The first start's mark as 0.2.0 builds wrote it, apart from the setup's: read once, folded into `setup`. */
interface LegacyFirstRun {
  status: 'pending' | 'done';
  adminUsername: string;
  startedAt: number;
}
const LEGACY_FIRST_RUN_KEY = 'first_run';

const settingValue = (db: Db, key: string): unknown => db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;

function save(db: Db, value: StoredSetup, now: number): void {
  db.insert(settings).values({ key: 'setup', value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
  db.delete(settings).where(eq(settings.key, LEGACY_FIRST_RUN_KEY)).run();
}

/** The first-run record and the lookups by natural key that the setup and configuration import need. */
export const setupRepo = {
  record(db: Db): SetupRecord {
    const stored = settingValue(db, 'setup') as StoredSetup | undefined;
    const legacy = settingValue(db, LEGACY_FIRST_RUN_KEY) as LegacyFirstRun | undefined;
    const adminUsername = stored?.adminUsername ?? legacy?.adminUsername ?? null;
    const startedAt = stored?.startedAt ?? legacy?.startedAt ?? null;
    if (stored) {
      const completedAt = stored.done && stored.at ? Date.parse(stored.at) : null;
      return { pending: !stored.done, how: stored.how ?? null, adminUsername, startedAt, completedAt, actorId: stored.actorId ?? null };
    }
    // No row: a database from before this record (the demo, a center set up by hand, or a 0.2.0 first start whose
    // setup was never finished). One with fields counts as set up, so an upgrade never sends its admin back.
    const hasFields = (db.select({ n: count() }).from(fields).get()?.n ?? 0) > 0;
    return { pending: !hasFields, how: null, adminUsername, startedAt, completedAt: null, actorId: null };
  },
  pending: (db: Db): boolean => setupRepo.record(db).pending,
  begin(db: Db, adminUsername: string, now: number): void {
    save(db, { done: false, how: null, actorId: null, at: null, adminUsername, startedAt: now }, now);
  },
  markDone(db: Db, how: SetupHow, actorId: number | null, now: number): void {
    const { adminUsername, startedAt } = setupRepo.record(db);
    save(db, { done: true, how, actorId, at: new Date(now).toISOString(), adminUsername, startedAt }, now);
  },

  /** A registered, not revoked device of this kind and name (names are how a configuration file refers to devices). */
  deviceByName: (db: Db, kind: DeviceKind, name: string) =>
    db.select().from(devices).where(and(eq(devices.kind, kind), eq(devices.name, name), isNull(devices.revokedAt))).get(),
  updateDevice: (db: Db, id: number, change: { counterId: number | null; settings: DeviceSettings; printerId: number | null }) =>
    db.update(devices).set(change).where(eq(devices.id, id)).run(),
  activeDevices: (db: Db) => db.select().from(devices).where(isNull(devices.revokedAt)).orderBy(devices.id).all(),

  printerByName: (db: Db, name: string) => db.select().from(printers).where(and(eq(printers.name, name), eq(printers.active, true))).get(),
  updatePrinter: (db: Db, id: number, change: { uri: string; widthDots: number }) => db.update(printers).set(change).where(eq(printers.id, id)).run(),
};
