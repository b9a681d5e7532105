import type { Lang } from '@luot/shared';

// Vietnamese writes 1.234,5; English 1,234.5. The locale is the console's language, not the PC's.
const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const oneDecimal = new Map<Lang, Intl.NumberFormat>();
const whole = new Map<Lang, Intl.NumberFormat>();

function formatter(cache: Map<Lang, Intl.NumberFormat>, lang: Lang, digits: number): Intl.NumberFormat {
  let found = cache.get(lang);
  if (!found) {
    found = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(lang, found);
  }
  return found;
}

const none = '—';

export function formatCount(lang: Lang, value: number | null): string {
  return value === null ? none : formatter(whole, lang, 0).format(value);
}

/** Seconds shown as minutes with one decimal, rounded as the exports round them. */
export function minutesOf(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}

export function formatMinutes(lang: Lang, seconds: number | null): string {
  return seconds === null ? none : formatter(oneDecimal, lang, 1).format(minutesOf(seconds));
}

/** A 0..1 share as a percentage with one decimal; the column header carries the % sign. */
export function formatPercent(lang: Lang, share: number | null | undefined): string {
  return share === null || share === undefined ? none : formatter(oneDecimal, lang, 1).format(Math.round(share * 1000) / 10);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A service day as people in Vietnam write it, in both languages: 2026-07-31 → 31/07/2026. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** When the server made the report, 'HH:mm dd/mm/yyyy' in Viet Nam time whatever the PC's time zone. */
export function formatMoment(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return none;
  const d = new Date(at + 7 * 60 * 60 * 1000);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} ${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
