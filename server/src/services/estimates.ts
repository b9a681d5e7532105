import type { OpenDb } from '../db/open-db.ts';
import { estimatesRepo } from '../db/repositories/estimates-repo.ts';
import type { Clock } from './clock.ts';
import type { ConfigCache } from './config-cache.ts';

/** Before a field has finished anyone today we assume this long per citizen (a typical one-stop visit). */
export const DEFAULT_SERVICE_MINUTES = 8;
/** How many recent visits the mean is taken over: recent enough to follow the day, enough to be steady. */
const RECENT_VISITS = 20;
const CACHE_MS = 30_000;

/**
 * Estimated wait for a citizen who has `ahead` people before them in a field:
 *
 *   ahead × mean minutes per visit (call → done or absent, the field's last 20 visits today)
 *         ÷ counters open now that serve the field
 *
 * rounded up to whole minutes. Null when no open counter serves the field (nobody can say). The mean per
 * field is cached for 30 s: it moves slowly and the kiosk asks on every ticket. The method is deliberately
 * simple and explainable; the feedback issue measures its error against real waits and refines it.
 */
export function createEstimates(deps: { store: OpenDb; clock: Clock; config: ConfigCache }) {
  const cache = new Map<string, { at: number; minutes: number }>();

  function minutesPerVisit(fieldId: number, dayStart: number): number {
    const now = deps.clock.now();
    const key = `${fieldId}|${dayStart}`;
    const hit = cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.minutes;
    const durations = estimatesRepo.recentVisitMs(deps.store.db, fieldId, dayStart, RECENT_VISITS);
    const minutes = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length / 60_000 : DEFAULT_SERVICE_MINUTES;
    cache.set(key, { at: now, minutes });
    return minutes;
  }

  return {
    waitMinutes(fieldId: number, ahead: number, dayStart: number): number | null {
      const config = deps.config.get();
      const serving = [...config.counterLinks].filter(([, links]) => links.some((l) => l.fieldId === fieldId)).map(([id]) => id);
      const open = estimatesRepo.openCounters(deps.store.db, serving);
      if (open === 0) return null;
      if (ahead === 0) return 0;
      return Math.ceil((ahead * minutesPerVisit(fieldId, dayStart)) / open);
    },
  };
}

export type Estimates = ReturnType<typeof createEstimates>;
