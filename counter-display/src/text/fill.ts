import { t, type Lang, type StringKey } from '@luot/shared';

/** A UI string with its `{name}` placeholders filled: fill('vi', 'displayCounter', { number: 3 }) → "Quầy số 3". */
export function fill(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
