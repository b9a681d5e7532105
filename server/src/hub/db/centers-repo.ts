import { eq, sql } from 'drizzle-orm';
import type { HubDb } from './open-hub-db.ts';
import { centerLive, centers, centerSync } from './schema.ts';

export type CenterRow = typeof centers.$inferSelect;
export type CenterSyncRow = typeof centerSync.$inferSelect;
export type CenterLiveRow = typeof centerLive.$inferSelect;

export interface CenterWithState {
  center: CenterRow;
  sync: CenterSyncRow;
  live: CenterLiveRow | null;
}

/** The registry of centers, their keys and sync rows. */
export const centersRepo = {
  async create(db: HubDb, input: { code: string; name: string; createdAt: number }): Promise<CenterRow | null> {
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(centers).values(input).onConflictDoNothing({ target: centers.code }).returning();
      if (!row) return null;
      await tx.insert(centerSync).values({ centerId: row.id });
      return row;
    });
  },

  async byId(db: HubDb, id: number): Promise<CenterRow | null> {
    const [row] = await db.select().from(centers).where(eq(centers.id, id));
    return row ?? null;
  },

  async byKeyHash(db: HubDb, keyHash: string): Promise<CenterRow | null> {
    const [row] = await db.select().from(centers).where(eq(centers.keyHash, keyHash));
    return row ?? null;
  },

  async setKey(db: HubDb, id: number, keyHash: string | null, at: number | null): Promise<CenterRow | null> {
    const [row] = await db.update(centers).set({ keyHash, keyIssuedAt: at }).where(eq(centers.id, id)).returning();
    return row ?? null;
  },

  async update(db: HubDb, id: number, set: { name?: string; active?: boolean }): Promise<CenterRow | null> {
    const [row] = await db.update(centers).set(set).where(eq(centers.id, id)).returning();
    return row ?? null;
  },

  async sync(db: HubDb, id: number): Promise<CenterSyncRow | null> {
    const [row] = await db.select().from(centerSync).where(eq(centerSync.centerId, id));
    return row ?? null;
  },

  /** Every center with its sync row and last live status; `only` narrows it to one. */
  async withState(db: HubDb, only?: number): Promise<CenterWithState[]> {
    const rows = await db
      .select({ center: centers, sync: centerSync, live: centerLive })
      .from(centers)
      .innerJoin(centerSync, eq(centerSync.centerId, centers.id))
      .leftJoin(centerLive, eq(centerLive.centerId, centers.id))
      .where(only === undefined ? sql`true` : eq(centers.id, only))
      .orderBy(centers.name);
    return rows;
  },
};
