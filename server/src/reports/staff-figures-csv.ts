import { staffFigureWords, type StaffFigureRow, type StaffFigures } from '@luot/shared';

const columns = Object.keys(staffFigureWords) as (keyof typeof staffFigureWords)[];

/** Staff figures as CSV: one row per officer or counter, one column per figure, then the pause reasons. */
export function staffFiguresCsv(figures: StaffFigures, lang: 'vi' | 'en'): Buffer {
  const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const first = figures.groupBy === 'counter' ? (lang === 'vi' ? 'Quầy' : 'Counter') : lang === 'vi' ? 'Cán bộ' : 'Officer';
  const reasonsTitle = lang === 'vi' ? 'Lý do tạm dừng (phút)' : 'Pause reasons (min)';
  const value = (row: StaffFigureRow, c: (typeof columns)[number]) => {
    const v = row[c];
    if (v === null) return '';
    return c === 'satisfiedShare' ? String(Math.round(v * 1000) / 10) : String(v);
  };
  const reasons = (row: StaffFigureRow) => row.pauses.map((p) => `${p.reason ?? (lang === 'vi' ? 'không ghi' : 'none given')}: ${p.minutes}`).join('; ');
  const lines = [
    [first, ...columns.map((c) => staffFigureWords[c].title[lang]), reasonsTitle].map(quote).join(','),
    ...figures.rows.map((row) => [row.label[lang], ...columns.map((c) => value(row, c)), reasons(row)].map(quote).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
