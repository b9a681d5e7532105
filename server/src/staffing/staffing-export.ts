import { reportWeekdays, staffingAssumptions, staffingTexts, type StaffingPlan } from '@luot/shared';
import { fill, showDay, type Lang } from '../reports/export-columns.ts';
import { csvTable } from '../reports/export-csv.ts';
import { newWorkbook } from '../reports/excel-workbook.ts';

type Row = Array<string | number | null>;

/** Total counters needed per weekday and hour (all fields added up), with the hours any weekday needs. */
export function planGrid(plan: StaffingPlan): { hours: number[]; needed: Map<number, number> } {
  const needed = new Map<number, number>();
  for (const c of plan.cells) needed.set(c.weekday * 24 + c.hour, (needed.get(c.weekday * 24 + c.hour) ?? 0) + c.needed);
  const hours = [...new Set(plan.cells.map((c) => c.hour))].sort((a, b) => a - b);
  return { hours, needed };
}

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** One row per field, weekday and hour (then the totals), the long form spreadsheets filter and pivot well. */
function detailRows(plan: StaffingPlan, lang: Lang): Row[] {
  const name = new Map(plan.fields.map((f) => [f.fieldId, f]));
  const head: Row = [staffingTexts.field[lang], staffingTexts.weekday[lang], staffingTexts.hour[lang], staffingTexts.arrivals[lang], staffingTexts.needed[lang], staffingTexts.present[lang], staffingTexts.gap[lang]];
  const rows: Row[] = plan.cells.map((c) => {
    const f = name.get(c.fieldId);
    const present = f?.present ?? 0;
    return [f ? `${f.prefix} · ${lang === 'vi' ? f.nameVi : f.nameEn}` : String(c.fieldId), reportWeekdays[c.weekday]?.[lang] ?? '', hourLabel(c.hour), c.arrivalsPerHour, c.needed, present, Math.round((c.needed - present) * 100) / 100];
  });
  const { hours, needed } = planGrid(plan);
  for (let d = 0; d < 7; d++) {
    for (const h of hours) {
      const n = needed.get(d * 24 + h);
      if (n !== undefined) rows.push([staffingTexts.total[lang], reportWeekdays[d]?.[lang] ?? '', hourLabel(h), null, n, plan.presentCounters, n - plan.presentCounters]);
    }
  }
  return [head, ...rows];
}

function basis(plan: StaffingPlan, lang: Lang): string {
  return fill(staffingTexts.basis[lang], { from: showDay(plan.from, lang), to: showDay(plan.to, lang), share: String(Math.round(plan.share * 100)) });
}

export function planCsv(plan: StaffingPlan, lang: Lang, sep: 'comma' | 'semicolon' = 'comma'): Buffer {
  return csvTable(detailRows(plan, lang), sep);
}

/** A workbook: the weekly grid (counters needed, and the gap against today's set-up), then the long form by field. */
export async function planXlsx(plan: StaffingPlan, lang: Lang, centerName: string): Promise<Buffer> {
  const book = await newWorkbook();
  const grid = book.addWorksheet(staffingTexts.gridSheet[lang], { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  grid.addRow([`${staffingTexts.title[lang]} — ${centerName}`]).font = { bold: true, size: 14 };
  grid.addRow([basis(plan, lang)]);
  grid.addRow([`${staffingTexts.present[lang]}: ${plan.presentCounters}`]);
  grid.addRow([staffingTexts.hour[lang], ...reportWeekdays.map((d) => d[lang])]).font = { bold: true };
  const { hours, needed } = planGrid(plan);
  for (const h of hours) {
    grid.addRow([
      hourLabel(h),
      ...reportWeekdays.map((_, d) => {
        const n = needed.get(d * 24 + h);
        if (n === undefined) return '';
        const gap = n - plan.presentCounters;
        return `${n} (${gap > 0 ? '+' : ''}${gap})`;
      }),
    ]);
  }
  grid.addRow([]);
  for (const a of staffingAssumptions) grid.addRow([`• ${a[lang]}`]);
  grid.getColumn(1).width = 10;
  for (let i = 2; i <= 8; i++) grid.getColumn(i).width = 14;
  const detail = book.addWorksheet(staffingTexts.detailSheet[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of detailRows(plan, lang)) detail.addRow(row);
  detail.getRow(1).font = { bold: true };
  detail.getColumn(1).width = 36;
  return Buffer.from(await book.xlsx.writeBuffer());
}
