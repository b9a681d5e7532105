import type { FieldView } from '@luot/shared';

/**
 * A function giving each field its top-level field (itself when it has no parent): the hall board lists and counts
 * by top-level field, since a sub-field would be too long to read from the back of the hall.
 */
export function topFieldOf(fields: readonly FieldView[]): (field: FieldView) => FieldView {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return (field) => {
    let current = field;
    // Bounded by the number of fields, so a malformed cycle cannot hang the board.
    for (let i = 0; i < fields.length && current.parentId !== null; i++) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
}
