import { reportColumns, reportTexts, type Report } from '@luot/shared';
import { columnValue, headerRow, type Lang } from './export-columns.ts';

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake), CRLF lines,
 * RFC 4180 quoting. `semicolon` suits Excel set to Vietnamese regional settings, whose list separator is ';'
 * and decimal mark ','.
 */
export function reportCsv(report: Report, lang: Lang, sep: 'comma' | 'semicolon' = 'comma'): Buffer {
  const delimiter = sep === 'comma' ? ',' : ';';
  const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const number = (n: number | null) => (n === null ? '' : sep === 'comma' ? String(n) : String(n).replace('.', ','));
  const line = (label: string, figures: Report['total']) => [quote(label), ...reportColumns.map((c) => number(columnValue(figures, c)))].join(delimiter);
  const lines = [
    headerRow(report.groupBy, lang).map(quote).join(delimiter),
    ...report.rows.map((row) => line(row.label[lang], row)),
    line(reportTexts.total[lang], report.total),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
