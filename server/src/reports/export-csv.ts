import { reportColumns, reportTexts, type Report } from '@luot/shared';
import { columnValue, headerRow, type Lang } from './export-columns.ts';

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake), CRLF lines,
 * RFC 4180 quoting. `semicolon` suits Excel set to Vietnamese regional settings, whose list separator is ';'
 * and decimal mark ','.
 */
export function reportCsv(report: Report, lang: Lang, sep: 'comma' | 'semicolon' = 'comma', more?: { title: string; rows: (string | number | null)[][] }): Buffer {
  const line = (label: string, figures: Report['total']) => [label, ...reportColumns.map((c) => columnValue(figures, c))];
  // A second table (the booking figures) follows after an empty line and its title, as a sheet would show it.
  const extra = more ? [[], [more.title], ...more.rows] : [];
  return csvTable([headerRow(report.groupBy, lang), ...report.rows.map((row) => line(row.label[lang], row)), line(reportTexts.total[lang], report.total), ...extra], sep);
}

/** Any table as CSV in the same dialect (BOM, CRLF, RFC 4180 quoting, the decimal mark of the separator). */
export function csvTable(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, sep: 'comma' | 'semicolon' = 'comma'): Buffer {
  const delimiter = sep === 'comma' ? ',' : ';';
  const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const cell = (c: string | number | null) => (c === null ? '' : typeof c === 'number' ? (sep === 'comma' ? String(c) : String(c).replace('.', ',')) : quote(c));
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`, 'utf8');
}
