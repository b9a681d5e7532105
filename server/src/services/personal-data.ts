import type { OpenDb } from '../db/open-db.ts';
import { smsRepo } from '../db/repositories/sms-repo.ts';
import type { Clock } from '../domain/clock.ts';

const DAY_MS = 86_400_000;
/** Checked four times a day, so a server switched off at night still purges each day it runs. */
const EVERY_MS = 6 * 3_600_000;

/**
 * Personal data (Decree 13/2023) is kept only `personalDataDays` days: citizens' phone numbers and the SMS that
 * carried them (number and text) are deleted by this job, at start and then through the day.
 */
export function createPersonalData(deps: { store: OpenDb; clock: Clock; log: (fields: Record<string, unknown>, message: string) => void }) {
  const { db } = deps.store;
  let timer: NodeJS.Timeout | null = null;

  function purge(): { phones: number; messages: number } {
    const days = smsRepo.settings(db).personalDataDays;
    const before = deps.clock.now() - days * DAY_MS;
    const removed = db.transaction(() => smsRepo.purgeBefore(db, before));
    if (removed.phones + removed.messages > 0) deps.log({ ...removed, days }, 'personal data past its keeping time deleted');
    return removed;
  }

  return {
    purge,
    start(): void {
      if (timer) return;
      purge();
      timer = setInterval(purge, EVERY_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type PersonalData = ReturnType<typeof createPersonalData>;
