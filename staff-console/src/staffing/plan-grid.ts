import type { StaffingPlan } from '@luot/shared';

export interface PlanGrid {
  /** Weekdays (Monday = 0) the records have citizens on. */
  days: number[];
  hours: number[];
  needed: (weekday: number, hour: number) => number | null;
  present: number;
}

/** The weekly table for one field, or for all added up (null), with today's counters to set the gap against. */
export function planGrid(plan: StaffingPlan, fieldId: number | null): PlanGrid {
  const cells = plan.cells.filter((c) => fieldId === null || c.fieldId === fieldId);
  const sums = new Map<number, number>();
  for (const c of cells) sums.set(c.weekday * 24 + c.hour, (sums.get(c.weekday * 24 + c.hour) ?? 0) + c.needed);
  const field = fieldId === null ? undefined : plan.fields.find((f) => f.fieldId === fieldId);
  return {
    days: plan.openDays.flatMap((n, d) => (n > 0 ? [d] : [])),
    hours: [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b),
    needed: (weekday, hour) => sums.get(weekday * 24 + hour) ?? null,
    present: field ? field.present : plan.presentCounters,
  };
}

/** "+2", "0", "−1.5": a short gap, with a true minus sign. */
export function gapText(needed: number, present: number): string {
  const gap = Math.round((needed - present) * 10) / 10;
  return gap > 0 ? `+${gap}` : gap < 0 ? `−${-gap}` : '0';
}
