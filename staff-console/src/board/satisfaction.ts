import type { Lang } from '@luot/shared';

/** 0.9567 → “95,7 %” in Vietnamese, “95.7%” in English; null → “—”. */
export function percent(lang: Lang, share: number | null): string {
  if (share === null) return '—';
  const value = (Math.round(share * 1000) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return lang === 'vi' ? `${value} %` : `${value}%`;
}
