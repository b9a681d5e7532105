import { SetupBody, type SetupSheet } from '@luot/shared';
import { generatePassword } from '../auth/password.ts';
import { DomainError } from '../domain/errors.ts';
import { parseLocalTime } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import { diff } from './audit.ts';
import type { AuthService } from './auth-service.ts';
import type { Clock } from '../domain/clock.ts';
import { exportConfig } from './config-export.ts';
import { createConfigImport } from './config-import.ts';
import { Problems, repeats } from './config-problems.ts';

/** The set-up sheet's pairing codes are carried to the screens, possibly the next morning. */
export const SETUP_PAIRING_MS = 24 * 60 * 60 * 1000;

/** Ids of what the setup created, so the caller can tell the open screens after the commit. */
export interface SetupOutcome {
  sheet: SetupSheet;
  fieldIds: number[];
  counterIds: number[];
}

/**
 * First-run setup of a real center. `pending()` is what a production start asks to decide whether to point the
 * admin at the setup screen; `complete()` writes the whole set-up (profile, hours, fields, counters, accounts,
 * devices) in one transaction with one audit row, or nothing at all.
 */
export function createSetupService(deps: { store: OpenDb; clock: Clock; auth: AuthService; acceptsPrinter: (uri: string) => boolean }) {
  const { db, sqlite } = deps.store;
  const importConfig = createConfigImport(deps);

  function check(body: SetupBody): void {
    const problems = new Problems();
    if (parseLocalTime(body.hours.opensAt) >= parseLocalTime(body.hours.closesAt)) problems.add('/hours/closesAt', 'HOURS_INVALID');
    for (const i of repeats(body.fields.map((f) => f.code))) problems.add(`/fields/${i}/code`, 'FIELD_CODE_TAKEN');
    for (const i of repeats(body.fields.map((f) => f.prefix))) problems.add(`/fields/${i}/prefix`, 'PREFIX_TAKEN');
    const codes = new Set(body.fields.map((f) => f.code));
    for (const i of repeats(body.counters.map((c) => c.number))) problems.add(`/counters/${i}/number`, 'COUNTER_NUMBER_TAKEN');
    body.counters.forEach((c, i) => {
      c.fields.forEach((code, j) => {
        if (!codes.has(code)) problems.add(`/counters/${i}/fields/${j}`, 'FIELD_UNKNOWN');
      });
      if (c.fields.length === 0 || new Set(c.fields).size !== c.fields.length) problems.add(`/counters/${i}/fields`, 'COUNTER_FIELDS_INVALID');
    });
    const existing = new Set(adminRepo.staffList(db).map((s) => s.username));
    const usernames = body.staff.map((s) => s.username);
    for (const i of repeats(usernames)) problems.add(`/staff/${i}/username`, 'USERNAME_TAKEN');
    usernames.forEach((u, i) => {
      if (existing.has(u)) problems.add(`/staff/${i}/username`, 'USERNAME_TAKEN');
    });
    const numbers = new Set(body.counters.map((c) => c.number));
    body.devices.forEach((d, i) => {
      if (d.kind === 'counter_display' && (d.counter === null || !numbers.has(d.counter))) problems.add(`/devices/${i}/counter`, 'COUNTER_UNKNOWN');
    });
    for (const i of repeats(body.devices.map((d) => `${d.kind}/${d.name}`))) problems.add(`/devices/${i}/name`, 'DEVICE_NAME_TAKEN');
    problems.throwIfAny('SETUP_INVALID');
  }

  return {
    pending: (): boolean => setupRepo.pending(db),
    exportConfig: () => exportConfig(deps.store, deps.clock),
    importConfig,

    /** `input` is checked here, entry by entry, so the screen can point at every bad one at once. */
    async complete(actorId: number, input: unknown): Promise<SetupOutcome> {
      if (!setupRepo.pending(db)) throw new DomainError('SETUP_DONE');
      const shape = new Problems();
      shape.addSchema(SetupBody, input);
      shape.throwIfAny('SETUP_INVALID');
      const body = input as SetupBody;
      check(body);
      // Passwords are hashed before the transaction: scrypt is slow and async, the transaction is neither.
      const accounts = await Promise.all(
        body.staff.map(async (s) => {
          const password = generatePassword();
          return { ...s, password, passwordHash: await deps.auth.hashPassword(password) };
        }),
      );
      return sqlite.transaction((): SetupOutcome => {
        // Checked again inside: two admins finishing at once must not both set the center up.
        if (!setupRepo.pending(db)) throw new DomainError('SETUP_DONE');
        const now = deps.clock.now();
        settingsRepo.saveCenter(db, { ...settingsRepo.center(db), name: body.center.name, address: body.center.address }, now);
        const fieldIds = new Map<string, number>();
        body.fields.forEach((f, position) => {
          const id = adminRepo.insertField(db, {
            ...f,
            parentId: null,
            width: 3,
            startNumber: 1,
            dailyLimit: null,
            opensAt: body.hours.opensAt,
            closesAt: body.hours.closesAt,
            targetWaitMinutes: 30,
            position,
          });
          fieldIds.set(f.code, id);
        });
        const counterIds = new Map<number, number>();
        for (const c of body.counters) {
          const id = adminRepo.insertCounter(db, { number: c.number, name: c.name, policy: 'order' });
          adminRepo.setCounterFields(
            db,
            id,
            c.fields.map((code) => ({ fieldId: fieldIds.get(code) ?? 0, weight: 1 })),
          );
          counterIds.set(c.number, id);
        }
        for (const a of accounts) deps.auth.insertStaff({ username: a.username, displayName: a.displayName, role: a.role, passwordHash: a.passwordHash });
        const devices = body.devices.map((d) => {
          const counterId = d.kind === 'counter_display' && d.counter !== null ? (counterIds.get(d.counter) ?? null) : null;
          const created = deps.auth.createDevice({ kind: d.kind, name: d.name, counterId }, SETUP_PAIRING_MS);
          return {
            kind: d.kind,
            name: d.name,
            counter: d.kind === 'counter_display' ? d.counter : null,
            pairingCode: created.pairingCode,
            pairingExpiresAt: new Date(created.pairingExpiresAt).toISOString(),
          };
        });
        setupRepo.markDone(db, 'setup', actorId, now);
        // Worded like every other audit row: the center by name, what the setup created as the "after" side.
        const changes = diff(null, {
          name: body.center.name,
          address: body.center.address,
          hours: `${body.hours.opensAt}–${body.hours.closesAt}`,
          fields: body.fields.map((f) => `${f.prefix} ${f.nameVi}`),
          counters: body.counters.map((c) => c.name),
          staff: body.staff.map((s) => s.username),
          devices: body.devices.map((d) => d.name),
        });
        adminRepo.audit(db, { at: now, actorId, action: 'setup.complete', entity: 'center', entityId: null, details: { subject: body.center.name, changes } });
        return {
          sheet: { center: body.center, accounts: accounts.map(({ username, displayName, role, password }) => ({ username, displayName, role, password })), devices },
          fieldIds: [...fieldIds.values()],
          counterIds: [...counterIds.values()],
        };
      })();
    },

    /** An admin who sets the center up by hand (or by import) leaves the setup screen for good. */
    skip(actorId: number): void {
      sqlite.transaction(() => {
        if (!setupRepo.pending(db)) throw new DomainError('SETUP_DONE');
        const now = deps.clock.now();
        setupRepo.markDone(db, 'skipped', actorId, now);
        adminRepo.audit(db, { at: now, actorId, action: 'setup.skip', entity: 'center', entityId: null, details: { subject: settingsRepo.center(db).name, changes: [] } });
      })();
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
