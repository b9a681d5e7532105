import type { FieldConfig } from './types.ts';

/** Printed form: prefix followed by the sequence zero-padded to the field's width ("A" + 23 → "A023"). */
export function formatNumber(field: Pick<FieldConfig, 'prefix' | 'width'>, seq: number): string {
  return `${field.prefix}${String(seq).padStart(field.width, '0')}`;
}

/** Next sequence in a field's series for the day, given the highest one already issued that day. */
export function nextSeq(field: Pick<FieldConfig, 'startNumber'>, lastSeqToday: number | null): number {
  return lastSeqToday === null ? field.startNumber : lastSeqToday + 1;
}
