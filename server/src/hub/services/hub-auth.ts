import { randomBytes } from 'node:crypto';
import type { HubMe, HubRole, HubStaffView } from '@luot/shared';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { hashToken } from '../../auth/tokens.ts';
import { DomainError } from '../../domain/errors.ts';
import { accountsRepo, type ProvinceStaffRow } from '../db/accounts-repo.ts';
import type { HubStore } from '../db/open-hub-db.ts';

const SESSION_MS = 12 * 60 * 60 * 1000;

export interface ProvinceActor {
  staffId: number;
  role: HubRole;
  name: string;
  tokenHash: string;
}

export const staffView = (row: ProvinceStaffRow): HubStaffView => ({ id: row.id, username: row.username, name: row.displayName, role: row.role, active: row.active });

/** A generated password: readable, no look-alike letters, shown once. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(14), (b) => alphabet[b % alphabet.length]).join('');
}

/** Province staff sign-in and accounts: scrypt passwords, sessions kept only as token hashes, like the center's. */
export function createHubAuth(deps: { store: HubStore; clock: { now(): number }; scryptN?: number }) {
  const { db } = deps.store;

  return {
    async createStaff(input: { username: string; name: string; role: HubRole }): Promise<{ staff: HubStaffView; password: string }> {
      const password = newPassword();
      const passwordHash = await hashPassword(password, deps.scryptN);
      if (await accountsRepo.byUsername(db, input.username)) throw new DomainError('USERNAME_TAKEN');
      const row = await accountsRepo.create(db, { username: input.username, displayName: input.name, role: input.role, passwordHash, createdAt: deps.clock.now() }).catch(() => {
        throw new DomainError('USERNAME_TAKEN');
      });
      return { staff: staffView(row), password };
    },

    async login(username: string, password: string): Promise<{ token: string; expiresAt: number; me: HubMe }> {
      const row = await accountsRepo.byUsername(db, username);
      const ok = await verifyPassword(password, row?.passwordHash ?? (await hashPassword('x', deps.scryptN)));
      if (!row || !ok) throw new DomainError('BAD_CREDENTIALS');
      if (!row.active) throw new DomainError('ACCOUNT_DISABLED');
      const token = `p_${randomBytes(32).toString('base64url')}`;
      const now = deps.clock.now();
      await accountsRepo.createSession(db, { tokenHash: hashToken(token), staffId: row.id, createdAt: now, expiresAt: now + SESSION_MS });
      return { token, expiresAt: now + SESSION_MS, me: { id: row.id, username: row.username, name: row.displayName, role: row.role } };
    },

    async authenticate(token: string): Promise<ProvinceActor | null> {
      if (!token.startsWith('p_')) return null;
      const tokenHash = hashToken(token);
      const now = deps.clock.now();
      const found = await accountsRepo.liveSession(db, tokenHash, now);
      if (!found?.active) return null;
      if (found.expiresAt - now < SESSION_MS / 2) await accountsRepo.touchSession(db, tokenHash, now + SESSION_MS);
      return { staffId: found.id, role: found.role, name: found.displayName, tokenHash };
    },

    async me(actor: ProvinceActor): Promise<HubMe> {
      const row = await accountsRepo.byId(db, actor.staffId);
      return { id: actor.staffId, username: row?.username ?? '', name: actor.name, role: actor.role };
    },

    logout: (actor: ProvinceActor) => accountsRepo.deleteSession(db, actor.tokenHash),

    list: async () => (await accountsRepo.list(db)).map(staffView),

    async update(id: number, input: { name: string; role: HubRole; active: boolean }): Promise<HubStaffView> {
      const row = await accountsRepo.byId(db, id);
      if (!row) throw new DomainError('STAFF_NOT_FOUND');
      const demoted = row.role === 'province_admin' && row.active && (input.role !== 'province_admin' || !input.active);
      if (demoted && (await accountsRepo.activeAdmins(db)) <= 1) throw new DomainError('LAST_ADMIN');
      const updated = await accountsRepo.update(db, id, { displayName: input.name, role: input.role, active: input.active });
      if (!updated) throw new DomainError('STAFF_NOT_FOUND');
      if (!input.active || input.role !== row.role) await accountsRepo.deleteSessionsOf(db, id);
      return staffView(updated);
    },

    async resetPassword(id: number): Promise<{ staff: HubStaffView; password: string }> {
      const password = newPassword();
      const updated = await accountsRepo.update(db, id, { passwordHash: await hashPassword(password, deps.scryptN) });
      if (!updated) throw new DomainError('STAFF_NOT_FOUND');
      await accountsRepo.deleteSessionsOf(db, id);
      return { staff: staffView(updated), password };
    },

    isEmpty: async () => (await accountsRepo.count(db)) === 0,
  };
}

export type HubAuth = ReturnType<typeof createHubAuth>;
