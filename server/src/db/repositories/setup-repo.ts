import { and, count, eq, isNull } from 'drizzle-orm';
import type { DeviceKind, DeviceSettings } from '@luot/shared';
import type { Db } from '../open-db.ts';
import { devices, fields, printers, settings } from '../schema/index.ts';

/** How the center got its set-up: the first-run screen, an imported file, or (older databases) by hand. */
export type SetupHow = 'setup' | 'import' | 'skipped';

/** The first-run flag and the lookups by natural key that the setup and configuration import need. */
export const setupRepo = {
  /**
   * Pending until the first-run setup or an import finishes. A database that already has fields (the demo, a
   * center set up before the flag existed) counts as set up, so no migration is needed.
   */
  pending(db: Db): boolean {
    if (db.select({ key: settings.key }).from(settings).where(eq(settings.key, 'setup')).get()) return false;
    return (db.select({ n: count() }).from(fields).get()?.n ?? 0) === 0;
  },
  markDone(db: Db, how: SetupHow, actorId: number | null, now: number): void {
    const value = { done: true, how, actorId, at: new Date(now).toISOString() };
    db.insert(settings).values({ key: 'setup', value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
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
