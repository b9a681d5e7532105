import { fill, type Lang, type Report, reportColumns, reportGroupTitles, type ReportRow } from '@luot/shared';
import { useMemo } from 'react';
import { BarChart, type BarSpec } from './bar-chart.tsx';
import { formatDay, minutesOf } from './report-format.ts';

const columnName = (lang: Lang, id: string) => reportColumns.find((c) => c.id === id)?.[lang] ?? id;

/** Axis labels stay short: a day as 31/07, not “Thứ Sáu, 31/07/2026”. */
function axisLabel(lang: Lang, report: Report, row: ReportRow): string {
  if (report.groupBy === 'day' && typeof row.key === 'string') return formatDay(row.key).slice(0, 5);
  return row.label[lang];
}

interface ReportChartsProps {
  lang: Lang;
  report: Report;
}

/** Served and no-show side by side for each group, and the mean wait, in the table's order. */
export function ReportCharts({ lang, report }: ReportChartsProps) {
  const group = reportGroupTitles[report.groupBy][lang].toLocaleLowerCase(lang);
  const [counts, waits] = useMemo((): [BarSpec, BarSpec] => {
    const labels = report.rows.map((row) => axisLabel(lang, report, row));
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    return [
      {
        labels,
        locale,
        whole: true,
        series: [
          { label: columnName(lang, 'served'), data: report.rows.map((r) => r.served), color: '#0a7a2f' },
          { label: columnName(lang, 'noShow'), data: report.rows.map((r) => r.noShow), color: '#c2410c' },
        ],
      },
      {
        labels,
        locale,
        whole: false,
        series: [
          {
            label: columnName(lang, 'wait.mean'),
            data: report.rows.map((r) => (r.wait.meanSeconds === null ? null : minutesOf(r.wait.meanSeconds))),
            color: '#0b3d91',
          },
        ],
      },
    ];
  }, [lang, report]);

  return (
    <section className="report-charts" data-testid="report-charts">
      <BarChart title={fill(lang, 'reportsChartCounts', { group })} spec={counts} testId="report-chart-counts" />
      <BarChart title={fill(lang, 'reportsChartWait', { group })} spec={waits} testId="report-chart-wait" />
    </section>
  );
}
