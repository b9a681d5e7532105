import type { DeviceKind, DeviceView, Me, Role } from '@luot/shared';
import { DomainError } from '../domain/errors.ts';
import { createPasswordGate, type PasswordGateOptions } from '../auth/password-gate.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken, newPairingCode, newToken, tokenKind } from '../auth/tokens.ts';
import type { OpenDb } from '../db/open-db.ts';
import { unlessStorageFull } from './storage-full.ts';
import { apiTokenRepo } from '../db/repositories/api-token-repo.ts';
import { accessRepo, deviceSettings, type DeviceRow } from '../db/repositories/access-repo.ts';
import type { Actor } from './actor.ts';
import type { Clock } from '../domain/clock.ts';

const SESSION_MS = 12 * 60 * 60 * 1000; // one working day plus overtime
const PAIRING_MS = 10 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
/** A device token lives a week and slides while used; a device off longer renews it itself (POST /api/devices/renew). */
export const DEVICE_TOKEN_MS = 7 * 24 * 60 * 60 * 1000;
/** After this long switched off, a device must be paired again by an admin. */
const DEVICE_RENEW_GRACE_MS = 90 * 24 * 60 * 60 * 1000;

export interface AuthOptions {
  scryptN?: number;
  /** Device token lifetime; tests shorten it to see renewal happen. */
  deviceTokenMs?: number;
  passwordGate?: PasswordGateOptions;
}

export function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    counterId: row.counterId,
    paired: row.pairedAt !== null,
    revoked: row.revokedAt !== null,
    lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt).toISOString(),
    settings: deviceSettings(row),
    printerId: row.printerId,
  };
}

export function createAuthService(deps: { store: OpenDb; clock: Clock; options?: AuthOptions }) {
  const { db } = deps.store;
  const scryptN = deps.options?.scryptN;
  const deviceTokenMs = deps.options?.deviceTokenMs ?? DEVICE_TOKEN_MS;
  const gate = createPasswordGate(deps.options?.passwordGate);
  // An unknown username is checked against this hash, made once, so it costs one scrypt run like a known one.
  const decoy = hashPassword(newToken('staff'), scryptN);
  decoy.catch(() => undefined);

  function me(actor: Extract<Actor, { kind: 'staff' }>, username: string): Me {
    return { id: actor.staffId, username, name: actor.name, role: actor.role, counterId: actor.counterId };
  }

  return {
    hashPassword: (password: string) => hashPassword(password, scryptN),

    /** Inserts an account whose password is already hashed (inside the caller's transaction). */
    insertStaff: (input: { username: string; displayName: string; role: Role; passwordHash: string }) =>
      accessRepo.createStaff(db, input, deps.clock.now()),

    /** A reset password or a disabled account must not leave old sessions working. */
    endSessionsOf: (staffId: number) => {
      accessRepo.deleteSessionsOf(db, staffId);
      accessRepo.clearSeatsOf(db, staffId);
    },

    async createStaff(input: { username: string; displayName: string; role: Role; password: string }) {
      const passwordHash = await hashPassword(input.password, scryptN);
      return accessRepo.createStaff(db, { ...input, passwordHash }, deps.clock.now());
    },

    /** `address` is who is asking: one address gets only its share of the password checks (see password-gate). */
    async login(username: string, password: string, address = 'local'): Promise<{ token: string; expiresAt: number; me: Me }> {
      const row = accessRepo.staffByUsername(db, username);
      const ok = await gate.run(address, async () => verifyPassword(password, row?.passwordHash ?? (await decoy)));
      if (!row || !ok) throw new DomainError('BAD_CREDENTIALS');
      if (!row.active) throw new DomainError('ACCOUNT_DISABLED');
      const token = newToken('staff');
      const now = deps.clock.now();
      const expiresAt = now + SESSION_MS;
      accessRepo.createSession(db, { tokenHash: hashToken(token), staffId: row.id, counterId: null, createdAt: now, expiresAt });
      const actor: Extract<Actor, { kind: 'staff' }> = {
        kind: 'staff',
        staffId: row.id,
        role: row.role,
        name: row.displayName,
        counterId: null,
        tokenHash: hashToken(token),
      };
      return { token, expiresAt, me: me(actor, row.username) };
    },

    /** Resolves a bearer token to an actor, or null. Sessions slide forward while in use. */
    authenticate(token: string): Actor | null {
      const now = deps.clock.now();
      const kind = tokenKind(token);
      const tokenHash = hashToken(token);
      if (kind === 'staff') {
        const found = accessRepo.liveSession(db, tokenHash, now);
        if (!found?.active) return null;
        if (found.expiresAt - now < SESSION_MS / 2) unlessStorageFull(() => accessRepo.touchSession(db, tokenHash, now + SESSION_MS));
        return { kind: 'staff', staffId: found.staffId, role: found.role, name: found.displayName, counterId: found.counterId, tokenHash };
      }
      if (kind === 'device') {
        const device = accessRepo.deviceByToken(db, tokenHash);
        if (!device) return null;
        if (device.tokenExpiresAt !== null && device.tokenExpiresAt <= now) return null;
        if (device.tokenExpiresAt !== null && device.tokenExpiresAt - now < deviceTokenMs / 2) {
          unlessStorageFull(() => accessRepo.extendDeviceToken(db, device.id, now + deviceTokenMs));
        }
        if (device.lastSeenAt === null || now - device.lastSeenAt > TOUCH_EVERY_MS) unlessStorageFull(() => accessRepo.touchDevice(db, device.id, now));
        return { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId, name: device.name };
      }
      if (kind === 'integration') {
        const found = apiTokenRepo.live(db, tokenHash);
        if (!found) return null;
        if (found.lastUsedAt === null || now - found.lastUsedAt > TOUCH_EVERY_MS) unlessStorageFull(() => apiTokenRepo.touch(db, found.id, now));
        return { kind: 'integration', tokenId: found.id, name: found.name, scopes: found.scopes };
      }
      return null;
    },

    me(actor: Extract<Actor, { kind: 'staff' }>): Me {
      const row = accessRepo.staffById(db, actor.staffId);
      return me(actor, row?.username ?? '');
    },

    logout(actor: Extract<Actor, { kind: 'staff' }>): void {
      if (actor.counterId !== null) this.leaveCounter(actor);
      accessRepo.deleteSession(db, actor.tokenHash);
    },

    /** An officer works at one counter at a time; a counter has one officer, in one session, at a time. */
    joinCounter(actor: Extract<Actor, { kind: 'staff' }>, counterId: number): void {
      deps.store.sqlite
        .transaction(() => {
          const counter = accessRepo.counterById(db, counterId);
          if (!counter || !counter.active) throw new DomainError('COUNTER_NOT_FOUND');
          if (counter.officerId !== null && counter.officerId !== actor.staffId) throw new DomainError('COUNTER_TAKEN');
          if (actor.counterId !== null && actor.counterId !== counterId) accessRepo.setCounterOfficer(db, actor.counterId, null);
          // Another session of this account (another browser, a forgotten tab) loses the seat at once.
          accessRepo.unseatOthers(db, counterId, actor.tokenHash);
          accessRepo.setCounterOfficer(db, counterId, actor.staffId);
          accessRepo.setSessionCounter(db, actor.tokenHash, counterId);
        })
        .immediate();
    },

    leaveCounter(actor: Extract<Actor, { kind: 'staff' }>): void {
      deps.store.sqlite.transaction(() => {
        if (actor.counterId !== null) {
          const counter = accessRepo.counterById(db, actor.counterId);
          if (counter?.officerId === actor.staffId) accessRepo.setCounterOfficer(db, actor.counterId, null);
        }
        accessRepo.setSessionCounter(db, actor.tokenHash, null);
      })();
    },

    /** `pairingMs`: how long the code stays valid; the set-up sheet's codes are carried to the screens, so longer. */
    createDevice(input: { kind: DeviceKind; name: string; counterId: number | null }, pairingMs = PAIRING_MS) {
      if (input.kind === 'counter_display') {
        const counter = input.counterId === null ? undefined : accessRepo.counterById(db, input.counterId);
        if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
      }
      const code = newPairingCode();
      const now = deps.clock.now();
      const row = accessRepo.createDevice(
        db,
        {
          kind: input.kind,
          name: input.name,
          counterId: input.kind === 'counter_display' ? input.counterId : null,
          pairingCodeHash: hashToken(code),
          pairingExpiresAt: now + pairingMs,
          tokenHash: null,
          tokenExpiresAt: null,
          pairedAt: null,
        },
        now,
      );
      return { device: deviceView(row), pairingCode: code, pairingExpiresAt: now + pairingMs };
    },

    /** Creates an already-paired device (demo center); returns its token once. */
    createPairedDevice(input: { kind: DeviceKind; name: string; counterId: number | null }) {
      const token = newToken('device');
      const now = deps.clock.now();
      const row = accessRepo.createDevice(
        db,
        { ...input, pairingCodeHash: null, pairingExpiresAt: null, tokenHash: hashToken(token), tokenExpiresAt: now + deviceTokenMs, pairedAt: now },
        now,
      );
      return { device: deviceView(row), token };
    },

    pair(code: string) {
      const now = deps.clock.now();
      const row = accessRepo.deviceByPairingCode(db, hashToken(code), now);
      if (!row) throw new DomainError('PAIRING_CODE_INVALID');
      const token = newToken('device');
      accessRepo.completePairing(db, row.id, hashToken(token), now + deviceTokenMs, now);
      const paired = accessRepo.deviceById(db, row.id);
      if (!paired) throw new DomainError('DEVICE_NOT_FOUND');
      return { token, device: deviceView(paired) };
    },

    /** True when the token is a device token that is only expired (not revoked, not unknown). */
    deviceTokenExpired(token: string): boolean {
      if (tokenKind(token) !== 'device') return false;
      const device = accessRepo.deviceByToken(db, hashToken(token));
      return device?.tokenExpiresAt != null && device.tokenExpiresAt <= deps.clock.now();
    },

    /**
     * A device trades its current token, expired or not, for a fresh one; the old one stops working.
     * Revoked devices, unknown tokens and devices switched off longer than the grace period must be paired again.
     */
    renewDevice(token: string): { token: string; expiresAt: number; device: DeviceView } {
      const now = deps.clock.now();
      const device = tokenKind(token) === 'device' ? accessRepo.deviceByToken(db, hashToken(token)) : undefined;
      if (!device) throw new DomainError('DEVICE_REQUIRED');
      if (device.tokenExpiresAt !== null && now - device.tokenExpiresAt > DEVICE_RENEW_GRACE_MS) throw new DomainError('DEVICE_REQUIRED');
      const fresh = newToken('device');
      accessRepo.setDeviceToken(db, device.id, hashToken(fresh), now + deviceTokenMs, now);
      const row = accessRepo.deviceById(db, device.id);
      if (!row) throw new DomainError('DEVICE_NOT_FOUND');
      return { token: fresh, expiresAt: now + deviceTokenMs, device: deviceView(row) };
    },

    revokeDevice(id: number): DeviceView {
      const row = accessRepo.deviceById(db, id);
      if (!row) throw new DomainError('DEVICE_NOT_FOUND');
      accessRepo.revokeDevice(db, id, deps.clock.now());
      const revoked = accessRepo.deviceById(db, id);
      return deviceView(revoked ?? row);
    },

    /** Disabling keeps the account (its history stays attributed) but ends every session at once. */
    setActive: (staffId: number, active: boolean) => {
      accessRepo.setStaffActive(db, staffId, active);
    },

    listDevices: () => accessRepo.listDevices(db).map(deviceView),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
