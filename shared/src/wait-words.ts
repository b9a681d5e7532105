import { t, type Lang } from './i18n.ts';

/**
 * Estimates are whole minutes and, measured on simulated days, a few minutes off either way (docs/benchmarks.md);
 * "khoảng 0 phút" or "khoảng 1 phút" promises a precision they do not have. At or below this they read "sắp đến lượt".
 */
export const SOON_MINUTES = 1;

export type WaitKind = 'unknown' | 'soon' | 'about';

export function waitKind(minutes: number | null): WaitKind {
  if (minutes === null) return 'unknown';
  return minutes <= SOON_MINUTES ? 'soon' : 'about';
}

/** The estimated wait in the words every citizen-facing screen and the receipt use: "khoảng 12 phút", "sắp đến lượt". */
export function waitWords(lang: Lang, minutes: number | null): string {
  const kind = waitKind(minutes);
  if (kind === 'unknown') return t(lang, 'waitUnknown');
  if (kind === 'soon') return t(lang, 'waitSoon');
  return t(lang, 'waitAbout').replace('{minutes}', String(minutes));
}
