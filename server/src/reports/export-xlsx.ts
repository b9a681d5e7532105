import { reportColumns, reportGroupTitles, reportTexts, reportWeekdays, type Report } from '@luot/shared';
import { columnValue, fill, headerRow, showDay, type Lang } from './export-columns.ts';
import { newWorkbook } from './excel-workbook.ts';

const numberFormats = { count: '#,##0', minutes: '0.0', percent: '0.0' } as const;

/** An Excel workbook: the report table with a title block and a total row, and the arrivals heat map. */
export async function reportXlsx(report: Report, lang: Lang, centerName: string, more?: { title: string; sheet: string; rows: (string | number | null)[][] }): Promise<Buffer> {
  const book = await newWorkbook();
  book.created = new Date(report.generatedAt);
  const sheet = book.addWorksheet(reportTexts.reportSheet[lang], { views: [{ state: 'frozen', xSplit: 1, ySplit: 6 }] });
  const generated = new Date(Date.parse(report.generatedAt) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  sheet.addRow([`${reportTexts.title[lang]} — ${centerName}`]).font = { bold: true, size: 14 };
  sheet.addRow([fill(reportTexts.range[lang], { from: showDay(report.from, lang), to: showDay(report.to, lang) })]);
  sheet.addRow([fill(reportTexts.groupedBy[lang], { group: reportGroupTitles[report.groupBy][lang].toLowerCase() })]);
  sheet.addRow([fill(reportTexts.generatedAt[lang], { at: generated })]);
  sheet.addRow([]);
  const header = sheet.addRow(headerRow(report.groupBy, lang));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  const add = (label: string, figures: Report['total']) => sheet.addRow([label, ...reportColumns.map((c) => columnValue(figures, c))]);
  for (const row of report.rows) add(row.label[lang], row);
  add(reportTexts.total[lang], report.total).font = { bold: true };
  sheet.getColumn(1).width = 34;
  reportColumns.forEach((c, i) => {
    const column = sheet.getColumn(i + 2);
    column.width = 14;
    column.numFmt = numberFormats[c.unit];
  });

  const heat = book.addWorksheet(reportTexts.heatmapSheet[lang]);
  heat.addRow([reportTexts.heatmapTitle[lang]]).font = { bold: true };
  heat.addRow([reportTexts.weekday[lang], ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}h`)]).font = { bold: true };
  report.heatmap.counts.forEach((counts, weekday) => heat.addRow([reportWeekdays[weekday]?.[lang] ?? '', ...counts]));
  heat.getColumn(1).width = 14;

  if (more) {
    const extra = book.addWorksheet(more.sheet);
    extra.addRow([more.title]).font = { bold: true };
    more.rows.forEach((row, i) => {
      const added = extra.addRow(row);
      if (i === 0) {
        added.font = { bold: true };
        added.alignment = { wrapText: true, vertical: 'top' };
      }
    });
    extra.getColumn(1).width = 34;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
