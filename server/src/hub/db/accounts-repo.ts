import { and, eq, gt, sql } from 'drizzle-orm';
import type { HubRole } from '@luot/shared';
import type { HubDb } from './open-hub-db.ts';
import { provinceSessions, provinceStaff } from './schema.ts';

export type ProvinceStaffRow = typeof provinceStaff.$inferSelect;

/** Province staff and their sessions. */
export const accountsRepo = {
  async count(db: HubDb): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(provinceStaff);
    return row?.n ?? 0;
  },

  async byUsername(db: HubDb, username: string): Promise<ProvinceStaffRow | null> {
    const [row] = await db.select().from(provinceStaff).where(eq(provinceStaff.username, username));
    return row ?? null;
  },

  async byId(db: HubDb, id: number): Promise<ProvinceStaffRow | null> {
    const [row] = await db.select().from(provinceStaff).where(eq(provinceStaff.id, id));
    return row ?? null;
  },

  async list(db: HubDb): Promise<ProvinceStaffRow[]> {
    return db.select().from(provinceStaff).orderBy(provinceStaff.id);
  },

  async create(db: HubDb, input: { username: string; displayName: string; role: HubRole; passwordHash: string; createdAt: number }): Promise<ProvinceStaffRow> {
    const [row] = await db.insert(provinceStaff).values(input).onConflictDoNothing({ target: provinceStaff.username }).returning();
    if (!row) throw new Error('username taken');
    return row;
  },

  async update(db: HubDb, id: number, set: Partial<Pick<ProvinceStaffRow, 'displayName' | 'role' | 'active' | 'passwordHash'>>): Promise<ProvinceStaffRow | null> {
    const [row] = await db.update(provinceStaff).set(set).where(eq(provinceStaff.id, id)).returning();
    return row ?? null;
  },

  async activeAdmins(db: HubDb): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(provinceStaff)
      .where(and(eq(provinceStaff.role, 'province_admin'), eq(provinceStaff.active, true)));
    return row?.n ?? 0;
  },

  async createSession(db: HubDb, s: { tokenHash: string; staffId: number; createdAt: number; expiresAt: number }): Promise<void> {
    await db.insert(provinceSessions).values(s);
  },

  async liveSession(db: HubDb, tokenHash: string, now: number): Promise<(ProvinceStaffRow & { expiresAt: number }) | null> {
    const [row] = await db
      .select({ staff: provinceStaff, expiresAt: provinceSessions.expiresAt })
      .from(provinceSessions)
      .innerJoin(provinceStaff, eq(provinceStaff.id, provinceSessions.staffId))
      .where(and(eq(provinceSessions.tokenHash, tokenHash), gt(provinceSessions.expiresAt, now)));
    return row ? { ...row.staff, expiresAt: row.expiresAt } : null;
  },

  async touchSession(db: HubDb, tokenHash: string, expiresAt: number): Promise<void> {
    await db.update(provinceSessions).set({ expiresAt }).where(eq(provinceSessions.tokenHash, tokenHash));
  },

  async deleteSession(db: HubDb, tokenHash: string): Promise<void> {
    await db.delete(provinceSessions).where(eq(provinceSessions.tokenHash, tokenHash));
  },

  async deleteSessionsOf(db: HubDb, staffId: number): Promise<void> {
    await db.delete(provinceSessions).where(eq(provinceSessions.staffId, staffId));
  },
};
