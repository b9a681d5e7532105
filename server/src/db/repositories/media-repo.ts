import { asc, eq } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { auditLog, hallMedia } from '../schema/index.ts';

export type HallMediaRow = typeof hallMedia.$inferSelect;

/** The hall board's images and videos; each change writes its audit row in the same transaction. */
export const mediaRepo = {
  list: (db: Db): HallMediaRow[] => db.select().from(hallMedia).where(eq(hallMedia.active, true)).orderBy(asc(hallMedia.position), asc(hallMedia.id)).all(),
  byFile: (db: Db, fileName: string) => db.select().from(hallMedia).where(eq(hallMedia.fileName, fileName)).get(),
  byId: (db: Db, id: number) => db.select().from(hallMedia).where(eq(hallMedia.id, id)).get(),

  add(db: Db, row: Omit<typeof hallMedia.$inferInsert, 'id'>, actorId: number): HallMediaRow {
    return db.transaction((tx) => {
      const added = tx.insert(hallMedia).values(row).returning().get();
      tx.insert(auditLog).values({ at: row.createdAt, actorId, action: 'media.add', entity: 'hall_media', entityId: added.id, details: { title: row.title, mime: row.mime, bytes: row.bytes } }).run();
      return added;
    });
  },

  remove(db: Db, id: number, at: number, actorId: number): void {
    db.transaction((tx) => {
      tx.delete(hallMedia).where(eq(hallMedia.id, id)).run();
      tx.insert(auditLog).values({ at, actorId, action: 'media.remove', entity: 'hall_media', entityId: id, details: {} }).run();
    });
  },
};
