import type { FieldView } from '@luot/shared';

/** The fields shown on one screen: the top level (parentId null) or the children of one group, in server order. */
export function fieldsUnder(fields: readonly FieldView[], parentId: number | null): FieldView[] {
  return fields.filter((f) => f.parentId === parentId);
}

export function hasChildren(fields: readonly FieldView[], field: FieldView): boolean {
  return fields.some((f) => f.parentId === field.id);
}

export function fieldName(field: FieldView, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? field.nameVi : field.nameEn || field.nameVi;
}
