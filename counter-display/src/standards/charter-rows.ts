import type { FieldView } from '@luot/shared';
import { topFieldOf } from '../fields/top-field.ts';

/** One top-level field's published standard and how today went against it. */
export interface CharterRow {
  /** The longest committed wait among the field and its sub-fields: what the board may promise for all of them. */
  waitMinutes: number;
  /** First calls today in the field and its sub-fields, and those within each one's committed wait. */
  called: number;
  within: number;
}

/**
 * The citizen charter per top-level field, as the hall board lists fields (waiting-by-field.ts). A server from
 * before #17 sends no counts: the row then shows the commitment alone.
 */
export function charterRows(fields: readonly FieldView[]): Map<number, CharterRow> {
  const topOf = topFieldOf(fields);
  const rows = new Map<number, CharterRow>();
  for (const field of fields) {
    const top = topOf(field);
    const row = rows.get(top.id) ?? { waitMinutes: 0, called: 0, within: 0 };
    row.waitMinutes = Math.max(row.waitMinutes, field.targetWaitMinutes);
    row.called += field.calledToday ?? 0;
    row.within += field.calledWithinTargetToday ?? 0;
    rows.set(top.id, row);
  }
  return rows;
}

/** Whole percent, rounded down so the board never claims more than was done; null before anyone is called. */
export function withinShare(row: CharterRow): number | null {
  return row.called === 0 ? null : Math.floor((100 * row.within) / row.called);
}
