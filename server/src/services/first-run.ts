import { generatePassword } from '../auth/password.ts';
import type { OpenDb } from '../db/open-db.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { defaultCenter, settingsRepo, type FirstRunRecord } from '../db/repositories/settings-repo.ts';
import type { AuthService } from './auth-service.ts';
import type { Clock } from '../domain/clock.ts';

/** Where the console's first-run setup lives; printed on the console at the first production start. */
export const FIRST_RUN_SETUP_PATH = '/console/#/setup';

export interface FirstRunState {
  /** True from the first production start until an admin finishes the setup screen. */
  pending: boolean;
  /** The admin account created at the first start (null on databases older than first-run setup, or the demo). */
  adminUsername: string | null;
  startedAt: number | null;
  completedAt: number | null;
}

export interface FirstRunStart {
  username: string;
  /** Shown once on the console, never stored in clear and never logged. */
  password: string;
}

export interface FirstRunService {
  /** What the setup screen's routes ask: must the admin be sent to the setup screen? */
  state(): FirstRunState;
  /**
   * Called once by the production start on an empty database: creates the `admin` account with a generated
   * one-time password and the default center profile, and marks setup pending. Returns null (and changes nothing)
   * when the database already has staff, so a restart never prints or resets a password.
   */
  begin(): Promise<FirstRunStart | null>;
  /** Called by the setup screen's last step: setup is done, the console opens normally from now on. Idempotent. */
  complete(): FirstRunState;
}

/**
 * The server side of a real center's first start (not the demo). The setup screen and its routes belong to the
 * console (they call `state()` and `complete()`); the process entry (`main.ts`) calls `begin()`.
 */
export function createFirstRun(deps: { store: OpenDb; clock: Clock; auth: AuthService }): FirstRunService {
  const { db } = deps.store;
  const toState = (record: FirstRunRecord | null): FirstRunState =>
    record
      ? { pending: record.status === 'pending', adminUsername: record.adminUsername, startedAt: record.startedAt, completedAt: record.completedAt }
      : { pending: false, adminUsername: null, startedAt: null, completedAt: null };

  return {
    state: () => toState(settingsRepo.firstRun(db)),

    async begin() {
      if (accessRepo.staffCount(db) > 0) return null;
      const password = generatePassword();
      // Hash first (slow, async), then write the account and the pending mark in one transaction, so a power cut
      // mid-way leaves either an empty database (the next start begins again) or a complete first start.
      const passwordHash = await deps.auth.hashPassword(password);
      const now = deps.clock.now();
      const created = deps.store.sqlite.transaction(() => {
        if (accessRepo.staffCount(db) > 0) return false;
        deps.auth.insertStaff({ username: 'admin', displayName: 'Quản trị viên', role: 'admin', passwordHash });
        settingsRepo.saveCenter(db, defaultCenter, now);
        settingsRepo.saveFirstRun(db, { status: 'pending', adminUsername: 'admin', startedAt: now, completedAt: null }, now);
        return true;
      })();
      return created ? { username: 'admin', password } : null;
    },

    complete() {
      const now = deps.clock.now();
      const record = settingsRepo.firstRun(db);
      if (record?.status === 'pending') settingsRepo.saveFirstRun(db, { ...record, status: 'done', completedAt: now }, now);
      return toState(settingsRepo.firstRun(db));
    },
  };
}
