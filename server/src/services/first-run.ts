import { generatePassword } from '../auth/password.ts';
import type { OpenDb } from '../db/open-db.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { defaultCenter, settingsRepo } from '../db/repositories/settings-repo.ts';
import { setupRepo, type SetupRecord } from '../db/repositories/setup-repo.ts';
import type { AuthService } from './auth-service.ts';
import type { Clock } from '../domain/clock.ts';

/** Where the console's first-run setup lives; printed on the console at the first production start. */
export const FIRST_RUN_SETUP_PATH = '/console/#/setup';

/** One record for the first start and the setup screen: see `SetupRecord`. */
export type FirstRunState = SetupRecord;

export interface FirstRunStart {
  username: string;
  /** Shown once on the console, never stored in clear and never logged. */
  password: string;
}

export interface FirstRunService {
  /** Where the setup stands: what the start banner, `luot status` and the console's setup screen all read. */
  state(): FirstRunState;
  /**
   * Called once by the production start on an empty database: creates the `admin` account with a generated
   * one-time password and the default center profile, and marks setup pending. Returns null (and changes nothing)
   * when the database already has staff, so a restart never prints or resets a password.
   */
  begin(): Promise<FirstRunStart | null>;
}

/**
 * The server side of a real center's first start (not the demo); the process start (`serve.ts`) calls `begin()`.
 * It is completed by the setup service (setup screen, configuration import, skip) writing the same record.
 */
export function createFirstRun(deps: { store: OpenDb; clock: Clock; auth: AuthService }): FirstRunService {
  const { db } = deps.store;
  return {
    state: () => setupRepo.record(db),

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
        setupRepo.begin(db, 'admin', now);
        return true;
      })();
      return created ? { username: 'admin', password } : null;
    },
  };
}
