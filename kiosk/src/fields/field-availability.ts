import type { FieldView } from '@luot/shared';
import { parseLocalTime } from '@luot/shared/ui';
import { fieldsUnder } from './field-tree.ts';

export type Availability = 'open' | 'closed-hours' | 'paused' | 'limit';

/** A refusal for the daily limit, remembered until the service day or the limit itself changes. */
export interface LimitMark {
  day: string;
  dailyLimit: number | null;
}

export interface AvailabilityContext {
  /** Minutes since midnight, Asia/Ho_Chi_Minh. */
  minutes: number;
  /** Today's date 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
  day: string;
  limits: Readonly<Record<number, LimitMark>>;
}

/** Same rule as the server (domain/time.ts withinHours): opening minute included, closing minute excluded. */
export function withinHours(field: FieldView, minutes: number): boolean {
  if (field.opensAt !== null && minutes < parseLocalTime(field.opensAt)) return false;
  if (field.closesAt !== null && minutes >= parseLocalTime(field.closesAt)) return false;
  return true;
}

function leafAvailability(field: FieldView, ctx: AvailabilityContext): Availability {
  if (!field.issuing) return 'paused';
  if (!withinHours(field, ctx.minutes)) return 'closed-hours';
  const mark = ctx.limits[field.id];
  // The kiosk cannot count today's tickets itself; it only knows the server refused one for the limit.
  // An admin raising the limit changes dailyLimit in the live data, which lifts the mark at once.
  if (mark && mark.day === ctx.day && mark.dailyLimit === field.dailyLimit) return 'limit';
  return 'open';
}

const rank: Record<Availability, number> = { open: 0, 'closed-hours': 1, limit: 2, paused: 3 };

/** A group is as available as its most available child: one open child makes the group worth opening. */
export function availability(all: readonly FieldView[], field: FieldView, ctx: AvailabilityContext): Availability {
  const children = fieldsUnder(all, field.id);
  if (children.length === 0) return leafAvailability(field, ctx);
  if (!field.issuing) return 'paused';
  return children.map((c) => availability(all, c, ctx)).reduce((best, a) => (rank[a] < rank[best] ? a : best), 'paused');
}

export function waitingIn(all: readonly FieldView[], field: FieldView): number {
  const children = fieldsUnder(all, field.id);
  return children.length === 0 ? field.waiting : children.reduce((sum, c) => sum + waitingIn(all, c), 0);
}

/** '07:30 – 11:30' for the tile and the closed notice; an open end reads as the start or end of the day. */
export function hoursText(field: FieldView): string | null {
  if (field.opensAt === null && field.closesAt === null) return null;
  return `${field.opensAt ?? '00:00'} – ${field.closesAt ?? '24:00'}`;
}
