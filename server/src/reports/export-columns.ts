import { reportColumns, reportGroupTitles, reportTexts, type AnyReportGroupBy, type ReportColumn, type ReportFigures } from '@luot/shared';

export type Lang = 'vi' | 'en';

/** A column's value as people read it: counts, minutes with one decimal, percent with one decimal. */
export function columnValue(figures: ReportFigures, column: ReportColumn): number | null {
  const [group, part] = column.id.split('.') as [string, string | undefined];
  let raw: number | null;
  if (group === 'wait' || group === 'walk' || group === 'service') {
    const d = figures[group];
    raw = part === 'mean' ? d.meanSeconds : part === 'median' ? d.medianSeconds : d.p90Seconds;
  } else if (group === 'satisfaction') {
    const s = figures.satisfaction;
    raw = s === null ? null : part === 'ratings' ? s.ratings : part === 'ratedShare' ? s.ratedShare : s.satisfiedShare;
  } else {
    const value = figures[group as keyof ReportFigures];
    raw = typeof value === 'number' ? value : null;
  }
  if (raw === null) return null;
  if (column.unit === 'minutes') return Math.round(raw / 6) / 10;
  if (column.unit === 'percent') return Math.round(raw * 1000) / 10;
  return raw;
}

export const headerRow = (groupBy: AnyReportGroupBy, lang: Lang): string[] => [reportGroupTitles[groupBy][lang], ...reportColumns.map((c) => c[lang])];

export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** 2026-11-30 → 30/11/2026 in Vietnamese, unchanged in English. */
export const showDay = (day: string, lang: Lang) => (lang === 'vi' ? day.split('-').reverse().join('/') : day);

/** The download's name, e.g. “Báo cáo theo lĩnh vực 2026-11-01 đến 2026-11-30.xlsx”. */
export function reportFileName(groupBy: AnyReportGroupBy, from: string, to: string, lang: Lang, ext: 'csv' | 'xlsx'): string {
  const group = reportGroupTitles[groupBy][lang];
  return `${fill(reportTexts.fileName[lang], { group: lang === 'vi' ? group.toLowerCase() : group.toLowerCase(), from, to })}.${ext}`.normalize('NFC');
}

/**
 * Content-Disposition for a name with Vietnamese letters (RFC 6266): an ASCII fallback without diacritics for
 * old clients, and the exact name as UTF-8 in filename* (RFC 8187), percent-encoding everything outside attr-char.
 */
export function attachmentHeader(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ._-]/g, '_');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
