import type { BookingReport } from '@luot/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-db.ts';
import { nearestRank, kthSmallest } from './durations.ts';

const MINUTE = 60_000;
type Outcomes = BookingReport['bookings'];
type WaitFigure = BookingReport['booked'];

const noOutcomes = (): Outcomes => ({ onTime: 0, late: 0, lapsed: 0, cancelled: 0, booked: 0 });

/** Count, mean and nearest-rank 90th percentile of hall waits (ms), in minutes with one decimal. */
function figure(waits: number[]): WaitFigure {
  if (waits.length === 0) return { called: 0, meanWaitMinutes: null, p90WaitMinutes: null };
  const values = Uint32Array.from(waits, (ms) => Math.max(0, Math.min(ms, 0xffffffff)));
  const [p90 = 0] = kthSmallest(values, [nearestRank(values.length, 90)]);
  const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
  const minutes = (ms: number) => Math.round((ms / MINUTE) * 10) / 10;
  return { called: waits.length, meanWaitMinutes: minutes(mean), p90WaitMinutes: minutes(p90) };
}

/**
 * Booked against walk-in citizens over a period, for the whole center and per field: hall waits (a booked citizen's
 * from the later of the slot and the arrival; the ticket's field as it was last called) and the bookings' outcomes.
 * Counts and durations only: no phone, name or ID is read.
 */
export function bookingReport(db: Db, from: string, to: string): BookingReport {
  const waits = db.all<{ fieldId: number; booked: number; ms: number }>(sql`
    SELECT field_id AS fieldId, booked_for IS NOT NULL AS booked, called_at - max(issued_at, coalesce(booked_for, issued_at)) AS ms
    FROM tickets
    WHERE service_day BETWEEN ${from} AND ${to} AND called_at IS NOT NULL`);
  const outcomeRows = db.all<{ fieldId: number; status: string; onTime: number | null; n: number }>(sql`
    SELECT field_id AS fieldId, status, on_time AS onTime, count(*) AS n
    FROM bookings WHERE service_day BETWEEN ${from} AND ${to} GROUP BY field_id, status, on_time`);

  const perField = new Map<number, { booked: number[]; walkIn: number[]; bookings: Outcomes }>();
  const of = (fieldId: number) => {
    let entry = perField.get(fieldId);
    if (!entry) perField.set(fieldId, (entry = { booked: [], walkIn: [], bookings: noOutcomes() }));
    return entry;
  };
  const all = { booked: [] as number[], walkIn: [] as number[], bookings: noOutcomes() };
  for (const w of waits) {
    const kind = w.booked === 1 ? 'booked' : 'walkIn';
    all[kind].push(w.ms);
    of(w.fieldId)[kind].push(w.ms);
  }
  const count = (target: Outcomes, r: (typeof outcomeRows)[number]) => {
    if (r.status === 'lapsed') target.lapsed += r.n;
    else if (r.status === 'cancelled') target.cancelled += r.n;
    else if (r.status === 'booked') target.booked += r.n;
    else if (r.onTime === 1) target.onTime += r.n;
    else target.late += r.n;
  };
  for (const r of outcomeRows) {
    count(all.bookings, r);
    count(of(r.fieldId).bookings, r);
  }
  const fields = [...perField.entries()]
    .filter(([, f]) => f.booked.length > 0 || Object.values(f.bookings).some((n) => n > 0))
    .sort(([a], [b]) => a - b)
    .map(([fieldId, f]) => ({ fieldId, booked: figure(f.booked), walkIn: figure(f.walkIn), bookings: f.bookings }));
  return { from, to, booked: figure(all.booked), walkIn: figure(all.walkIn), bookings: all.bookings, fields };
}
