import type { FieldView } from '@luot/shared';

export interface WaitingRow {
  field: FieldView;
  waiting: number;
}

/**
 * People waiting per top-level field: tickets are issued in the leaf fields, and a board listing every
 * sub-field would be too long to read from the back of the hall.
 */
export function waitingByField(fields: readonly FieldView[]): WaitingRow[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const topOf = (field: FieldView): FieldView => {
    let current = field;
    // Bounded by the number of fields, so a malformed cycle cannot hang the board.
    for (let i = 0; i < fields.length && current.parentId !== null; i++) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  const totals = new Map<number, number>();
  for (const field of fields) {
    const top = topOf(field);
    totals.set(top.id, (totals.get(top.id) ?? 0) + field.waiting);
  }
  return fields.filter((f) => f.parentId === null).map((field) => ({ field, waiting: totals.get(field.id) ?? 0 }));
}
