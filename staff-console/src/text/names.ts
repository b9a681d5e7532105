import type { CounterView, FieldView, Lang, PriorityCategory } from '@luot/shared';
import { fill } from '@luot/shared';

export function fieldName(lang: Lang, field: Pick<FieldView, 'nameVi' | 'nameEn'> | undefined): string {
  if (!field) return '—';
  return lang === 'vi' ? field.nameVi : field.nameEn;
}

export function priorityName(lang: Lang, categories: readonly PriorityCategory[], code: string): string {
  const found = categories.find((c) => c.code === code);
  if (!found) return code;
  return lang === 'vi' ? found.nameVi : found.nameEn;
}

/** 'Quầy số 3', and the counter's own name when an admin gave it one that says more. */
export function counterLabel(lang: Lang, counter: Pick<CounterView, 'number' | 'name'>): string {
  const numbered = fill(lang, 'consoleCounterNumber', { number: counter.number });
  return counter.name && counter.name !== fill('vi', 'consoleCounterNumber', { number: counter.number }) ? `${numbered} · ${counter.name}` : numbered;
}

/**
 * Pause reasons offered at the desk. The value sent is the glossary's Vietnamese wording, because
 * counter screens show it to citizens as is; the English console shows an English label for it.
 */
export const pauseReasons = [
  { value: 'họp', en: 'Meeting' },
  { value: 'nghỉ giữa giờ', en: 'Break' },
  { value: 'hỗ trợ công dân', en: 'Helping a citizen' },
] as const;

export function pauseReasonLabel(lang: Lang, reason: string): string {
  if (lang === 'vi') return reason;
  return pauseReasons.find((r) => r.value === reason)?.en ?? reason;
}

/** Fields that take tickets: not a group with sub-fields. */
export function leafFields<T extends { id: number; parentId: number | null }>(fields: readonly T[]): T[] {
  const parents = new Set(fields.map((f) => f.parentId).filter((id) => id !== null));
  return fields.filter((f) => !parents.has(f.id));
}
