import { fillParts, type FillValues, type Lang, type StringKey } from '@luot/shared';
import { createElement, type ReactNode } from 'react';

/** Like fill, with each value in <strong>: the number a citizen looks for stands out from the sentence. */
export function fillStrong<K extends StringKey>(lang: Lang, key: K, values: FillValues<K>): ReactNode[] {
  return fillParts(lang, key, values).map((part, i) => (i % 2 === 0 ? part : createElement('strong', { key: i }, part)));
}
