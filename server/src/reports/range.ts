import type { ReportPeriod, ReportQuery } from '@luot/shared';

const DAY_MS = 86_400_000;
/** About ten years: the longest range a report covers in one go. */
export const MAX_REPORT_DAYS = 3700;

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => toDay(toMs(day) + n * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;

export function periodRange(period: ReportPeriod, today: string): { from: string; to: string } {
  const [y = 1970, m = 1] = today.split('-').map(Number);
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const monday = addDays(today, -((new Date(toMs(today)).getUTCDay() + 6) % 7));
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return { from: toDay(Date.UTC(y, m - 1, 1)), to: toDay(Date.UTC(y, m, 0)) };
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The service days a query covers, or the reason it is refused. */
export function resolveRange(query: ReportQuery, today: string): { from: string; to: string } | { problem: string } {
  if (query.period && (query.from || query.to)) return { problem: 'give either period or from/to, not both' };
  const range = query.period ? periodRange(query.period, today) : { from: query.from ?? query.to ?? today, to: query.to ?? query.from ?? today };
  if (Number.isNaN(toMs(range.from)) || toDay(toMs(range.from)) !== range.from) return { problem: `from: ${range.from} is not a date` };
  if (Number.isNaN(toMs(range.to)) || toDay(toMs(range.to)) !== range.to) return { problem: `to: ${range.to} is not a date` };
  if (range.from > range.to) return { problem: 'from must not be after to' };
  if (daysBetween(range.from, range.to) > MAX_REPORT_DAYS) return { problem: `at most ${MAX_REPORT_DAYS} days at once` };
  return range;
}
