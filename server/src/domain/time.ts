import type { Millis } from './types.ts';

/**
 * Viet Nam has kept UTC+7 without daylight saving since 1975, so Asia/Ho_Chi_Minh local time is a fixed
 * offset; a constant keeps the engine pure and fast where Intl would be needlessly slow on hot paths.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function parseLocalTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) {
    throw new RangeError(`bad local time ${hhmm}`);
  }
  return h * 60 + m;
}

/** Minutes since local midnight in Asia/Ho_Chi_Minh. */
export function localMinutes(now: Millis): number {
  const local = (now + VIETNAM_OFFSET_MS) % DAY_MS;
  return Math.floor(local / 60000);
}

/** The service day a moment belongs to: the local date, shifted back by the rollover time. */
export function serviceDayOf(now: Millis, rollover: string): string {
  const shifted = now + VIETNAM_OFFSET_MS - parseLocalTime(rollover) * 60000;
  return new Date(shifted).toISOString().slice(0, 10);
}

/** UTC instant at which a service day starts (its rollover moment). */
export function serviceDayStart(day: string, rollover: string): Millis {
  return Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS + parseLocalTime(rollover) * 60000;
}

/** Opening hours are local [opensAt, closesAt); a missing bound means open on that side. */
export function withinHours(now: Millis, opensAt: string | null, closesAt: string | null): boolean {
  const minutes = localMinutes(now);
  if (opensAt !== null && minutes < parseLocalTime(opensAt)) return false;
  if (closesAt !== null && minutes >= parseLocalTime(closesAt)) return false;
  return true;
}
