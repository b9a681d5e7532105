import { t, type Lang, type StringKey } from '@luot/shared';

const placeholder = /\{(\w+)\}/g;

/** Fills `{name}` placeholders in a shared string, so word order stays with the translation, not the code. */
export function fill(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(placeholder, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** A server message `{ vi, en }` in the current language. */
export function pick(lang: Lang, text: { vi: string; en: string }): string {
  return text[lang];
}
