import type { AnyReportGroupBy, ReportGroupBy, ReportPeriod } from '@luot/shared';

/** What the supervisor asked for: a ready-made period or two service days, and how to group the rows. */
export type ReportRange = { period: ReportPeriod } | { from: string; to: string };

export interface ReportSelection {
  range: ReportRange;
  groupBy: AnyReportGroupBy;
}

/** What a selection asks the server for: the center's /api/reports, or the hub's with the same words. */
export type SelectionQuery = { from?: string; to?: string; period?: ReportPeriod; groupBy: AnyReportGroupBy };

export const periods = ['today', 'week', 'month', 'year'] as const satisfies readonly ReportPeriod[];
export const groupings = ['field', 'counter', 'officer', 'hour', 'day'] as const satisfies readonly ReportGroupBy[];

/** A month by field: what a supervisor most often prints for the monthly meeting. */
export const defaultSelection: ReportSelection = { range: { period: 'month' }, groupBy: 'field' };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isPeriod = (value: string | undefined): value is ReportPeriod => periods.some((p) => p === value);
const isGrouping = (value: string | undefined, among: readonly AnyReportGroupBy[]): value is AnyReportGroupBy => among.some((g) => g === value);

/**
 * The URL hash after `#/reports/`: `month/field`, or `2026-07-01..2026-07-31/day`. Anything unreadable falls
 * back to the default, so an old bookmark still opens a report. Dates are only checked for shape here; the
 * server says why a date it cannot use is refused.
 */
export function parseSelection(path: readonly string[], among: readonly AnyReportGroupBy[] = groupings): ReportSelection {
  const [range, group] = path;
  const groupBy = isGrouping(group, among) ? group : (among[0] ?? defaultSelection.groupBy);
  if (isPeriod(range)) return { range: { period: range }, groupBy };
  const [from, to] = (range ?? '').split('..');
  if (from && to && dayPattern.test(from) && dayPattern.test(to)) return { range: { from, to }, groupBy };
  return { range: defaultSelection.range, groupBy };
}

export function selectionPath(selection: ReportSelection): string {
  const range = 'period' in selection.range ? selection.range.period : `${selection.range.from}..${selection.range.to}`;
  return `${range}/${selection.groupBy}`;
}

export function selectionQuery(selection: ReportSelection): SelectionQuery {
  return { ...selection.range, groupBy: selection.groupBy };
}

export function exportQuery(selection: ReportSelection, lang: 'vi' | 'en'): SelectionQuery & { lang: 'vi' | 'en' } {
  return { ...selectionQuery(selection), lang };
}
