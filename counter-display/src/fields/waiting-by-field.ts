import type { FieldView } from '@luot/shared';
import { topFieldOf } from './top-field.ts';

export interface WaitingRow {
  field: FieldView;
  waiting: number;
}

/**
 * People waiting per top-level field: tickets are issued in the leaf fields, and a board listing every
 * sub-field would be too long to read from the back of the hall.
 */
export function waitingByField(fields: readonly FieldView[]): WaitingRow[] {
  const topOf = topFieldOf(fields);
  const totals = new Map<number, number>();
  for (const field of fields) {
    const top = topOf(field);
    totals.set(top.id, (totals.get(top.id) ?? 0) + field.waiting);
  }
  return fields.filter((f) => f.parentId === null).map((field) => ({ field, waiting: totals.get(field.id) ?? 0 }));
}
