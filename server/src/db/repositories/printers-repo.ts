import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';
import { devices, printers } from '../schema/index.ts';

export type PrinterRow = typeof printers.$inferSelect;

// Asked on every ticket a kiosk issues.
const statements = perConnection((_sqlite, db) => ({
  forDevice: db
    .select({ printer: printers })
    .from(devices)
    .innerJoin(printers, eq(printers.id, devices.printerId))
    .where(and(eq(devices.id, sql.placeholder('deviceId')), eq(printers.active, true)))
    .prepare(),
}));

/** Receipt printers and which kiosk prints where. */
export const printersRepo = {
  list: (db: Db): PrinterRow[] => db.select().from(printers).where(eq(printers.active, true)).orderBy(printers.id).all(),
  byId: (db: Db, id: number): PrinterRow | undefined =>
    db.select().from(printers).where(and(eq(printers.id, id), eq(printers.active, true))).get(),
  create: (db: Db, input: { name: string; uri: string; widthDots: number }, now: number): PrinterRow =>
    db.insert(printers).values({ ...input, createdAt: now }).returning().get(),
  /** Printers are deactivated, never deleted: old events and settings may still name them. */
  deactivate(db: Db, id: number): void {
    db.transaction((tx) => {
      tx.update(printers).set({ active: false }).where(eq(printers.id, id)).run();
      tx.update(devices).set({ printerId: null }).where(eq(devices.printerId, id)).run();
    });
  },
  forDevice(db: Db, deviceId: number): PrinterRow | undefined {
    return statements(db).forDevice.get({ deviceId })?.printer;
  },
  assign: (db: Db, deviceId: number, printerId: number | null) =>
    db.update(devices).set({ printerId }).where(eq(devices.id, deviceId)).run(),
};
