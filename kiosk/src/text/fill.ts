import { t, type Lang, type StringKey } from '@luot/shared';
import { createElement, type ReactNode } from 'react';

const placeholder = /\{(\w+)\}/g;

/** Fills `{name}` placeholders in a shared string, so word order stays with the translation, not the code. */
export function fill(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(placeholder, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Like fill, with each value in <strong>: the number a citizen looks for stands out from the sentence. */
export function fillStrong(lang: Lang, key: StringKey, values: Record<string, string | number>): ReactNode[] {
  return t(lang, key)
    .split(placeholder)
    .map((part, i) => {
      // split() with one capture group alternates text (even indexes) and placeholder names (odd).
      if (i % 2 === 0) return part;
      const value = values[part];
      return value === undefined ? `{${part}}` : createElement('strong', { key: i }, String(value));
    });
}
