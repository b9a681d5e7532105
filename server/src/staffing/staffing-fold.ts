import { countersNeeded, type StaffingCell } from '@luot/shared';
import type { ArrivalRow, VisitEventRow } from '../db/repositories/staffing-repo.ts';

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Fewer measured visits than this and the field's published usual time is the better guess. */
export const MIN_MEASURED_VISITS = 10;

/** Local (Asia/Ho_Chi_Minh, fixed UTC+7) weekday, Monday = 0, hour and date of a moment. */
export function localSlot(at: number): { weekday: number; hour: number; date: number } {
  const local = at + OFFSET_MS;
  const date = Math.floor(local / DAY_MS);
  // 1 January 1970 was a Thursday (3, counting from Monday = 0).
  return { weekday: (date + 3) % 7, hour: Math.floor((local % DAY_MS) / 3_600_000), date };
}

export interface ArrivalPattern {
  /** field → weekday*24+hour → arrivals counted. */
  counts: Map<number, Map<number, number>>;
  openDays: number[];
  priorityShare: number;
  transferShare: number;
}

/** Arrivals per field, weekday and hour; a weekday's rate is divided by the days of that weekday that had citizens. */
export function arrivalPattern(rows: readonly ArrivalRow[]): ArrivalPattern {
  const counts = new Map<number, Map<number, number>>();
  const dates = Array.from({ length: 7 }, () => new Set<number>());
  let issued = 0;
  let priority = 0;
  let transfers = 0;
  for (const r of rows) {
    const slot = localSlot(r.at);
    dates[slot.weekday]?.add(slot.date);
    if (r.type === 'issued') {
      issued++;
      if (r.priority) priority++;
    } else transfers++;
    if (r.fieldId === null) continue;
    const byHour = counts.get(r.fieldId) ?? new Map<number, number>();
    const key = slot.weekday * 24 + slot.hour;
    byHour.set(key, (byHour.get(key) ?? 0) + 1);
    counts.set(r.fieldId, byHour);
  }
  const total = issued + transfers;
  return {
    counts,
    openDays: dates.map((d) => d.size),
    priorityShare: issued === 0 ? 0 : priority / issued,
    transferShare: total === 0 ? 0 : transfers / total,
  };
}

/**
 * Counter time per visit, per field: from the call to whatever ended it at the counter (finish, absent, hold,
 * transfer), so the walk to the counter and the recalls count, as they keep the counter busy.
 */
export function visitTimes(rows: readonly VisitEventRow[]): Map<number, { totalMs: number; visits: number }> {
  const open = new Map<number, { at: number; fieldId: number | null }>();
  const out = new Map<number, { totalMs: number; visits: number }>();
  for (const r of rows) {
    if (r.type === 'called') {
      open.set(r.ticketId, { at: r.at, fieldId: r.fieldId });
      continue;
    }
    const call = open.get(r.ticketId);
    if (!call || call.fieldId === null) continue;
    open.delete(r.ticketId);
    const sum = out.get(call.fieldId) ?? { totalMs: 0, visits: 0 };
    sum.totalMs += r.at - call.at;
    sum.visits++;
    out.set(call.fieldId, sum);
  }
  return out;
}

export interface FieldInput {
  fieldId: number;
  targetWaitMinutes: number;
  serviceMinutes: number;
}

/** The plan's cells: every field, weekday and hour that had arrivals, with the counters Erlang C asks for. */
export function planCells(pattern: ArrivalPattern, fields: readonly FieldInput[], share: number): StaffingCell[] {
  const cells: StaffingCell[] = [];
  for (const f of fields) {
    const byHour = pattern.counts.get(f.fieldId);
    if (!byHour) continue;
    for (const [key, count] of [...byHour].sort((a, b) => a[0] - b[0])) {
      const weekday = Math.floor(key / 24);
      const days = pattern.openDays[weekday] ?? 0;
      if (days === 0) continue;
      const arrivalsPerHour = count / days;
      const needed = countersNeeded({ arrivalsPerHour, serviceMinutes: f.serviceMinutes }, f.targetWaitMinutes, share);
      cells.push({ fieldId: f.fieldId, weekday, hour: key % 24, arrivalsPerHour: Math.round(arrivalsPerHour * 100) / 100, needed });
    }
  }
  return cells;
}
