import { fill, type Lang, type Report, reportColumns, type ReportFigures, reportGroupTitles, reportTexts, t } from '@luot/shared';
import { formatCount, formatMinutes, formatPercent } from './report-format.ts';

/** The columns on screen, in order; `id` matches the export's column ids, so the test can check both. */
const cells = [
  { id: 'issued', show: (l: Lang, f: ReportFigures) => formatCount(l, f.issued) },
  { id: 'served', show: (l: Lang, f: ReportFigures) => formatCount(l, f.served) },
  { id: 'noShow', show: (l: Lang, f: ReportFigures) => formatCount(l, f.noShow) },
  { id: 'transferred', show: (l: Lang, f: ReportFigures) => formatCount(l, f.transferred) },
  { id: 'cancelled', show: (l: Lang, f: ReportFigures) => formatCount(l, f.cancelled) },
  { id: 'wait.mean', show: (l: Lang, f: ReportFigures) => formatMinutes(l, f.wait.meanSeconds) },
  { id: 'wait.median', show: (l: Lang, f: ReportFigures) => formatMinutes(l, f.wait.medianSeconds) },
  { id: 'wait.p90', show: (l: Lang, f: ReportFigures) => formatMinutes(l, f.wait.p90Seconds) },
  { id: 'service.mean', show: (l: Lang, f: ReportFigures) => formatMinutes(l, f.service.meanSeconds) },
  { id: 'withinTargetShare', show: (l: Lang, f: ReportFigures) => formatPercent(l, f.withinTargetShare) },
  { id: 'satisfaction.satisfiedShare', show: (l: Lang, f: ReportFigures) => formatPercent(l, f.satisfaction?.satisfiedShare) },
  { id: 'satisfaction.ratings', show: (l: Lang, f: ReportFigures) => formatCount(l, f.satisfaction?.ratings ?? null) },
  { id: 'satisfaction.ratedShare', show: (l: Lang, f: ReportFigures) => formatPercent(l, f.satisfaction?.ratedShare) },
] as const;

/** The export's full header, as a tooltip on the short one. */
function longName(lang: Lang, id: string): string | undefined {
  return reportColumns.find((c) => c.id === id)?.[lang];
}

/** Counts keep the export's own header: short, and the same words as in the spreadsheet. */
function header(lang: Lang, id: string): string {
  return longName(lang, id) ?? id;
}

interface ReportTableProps {
  lang: Lang;
  report: Report;
}

/**
 * One row per group and the total, in a two-line header so the three waits and the three satisfaction
 * figures sit under one title each. The header repeats on every printed page (thead is a table-header-group).
 */
export function ReportTable({ lang, report }: ReportTableProps) {
  const group = reportGroupTitles[report.groupBy][lang];
  // Columns without sub-columns span both header lines.
  const num = (id: string, text: string, rows: 1 | 2 = 2) => (
    <th scope="col" className="num" rowSpan={rows} title={longName(lang, id)}>
      {text}
    </th>
  );
  return (
    <section className="panel report-panel" aria-labelledby="report-table-title">
      <h2 className="panel__title" id="report-table-title">
        {fill(lang, 'reportsTable', { group: group.toLocaleLowerCase(lang) })}
      </h2>
      <div className="report-table__scroll">
        <table className="table report-table" data-testid="report-table" data-group-by={report.groupBy}>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {group}
              </th>
              {num('issued', header(lang, 'issued'))}
              {num('served', header(lang, 'served'))}
              {num('noShow', header(lang, 'noShow'))}
              {num('transferred', header(lang, 'transferred'))}
              {num('cancelled', header(lang, 'cancelled'))}
              <th scope="colgroup" colSpan={3} className="report-table__group">
                {t(lang, 'reportsWait')}
              </th>
              {num('service.mean', t(lang, 'reportsServiceMean'))}
              {num('withinTargetShare', t(lang, 'reportsWithinTarget'))}
              <th scope="colgroup" colSpan={3} className="report-table__group">
                {t(lang, 'reportsSatisfaction')}
              </th>
            </tr>
            <tr>
              {num('wait.mean', t(lang, 'reportsMean'), 1)}
              {num('wait.median', t(lang, 'reportsMedian'), 1)}
              {num('wait.p90', t(lang, 'reportsP90'), 1)}
              {num('satisfaction.satisfiedShare', t(lang, 'reportsSatisfied'), 1)}
              {num('satisfaction.ratings', t(lang, 'reportsRatings'), 1)}
              {num('satisfaction.ratedShare', t(lang, 'reportsRated'), 1)}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={String(row.key)} data-testid="report-row" data-key={row.key === null ? 'none' : String(row.key)}>
                <th scope="row" data-col="label">
                  {row.label[lang]}
                </th>
                {cells.map((c) => (
                  <td key={c.id} className="num" data-col={c.id}>
                    {c.show(lang, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-table__total" data-testid="report-total">
              <th scope="row" data-col="label">
                {reportTexts.total[lang]}
              </th>
              {cells.map((c) => (
                <td key={c.id} className="num" data-col={c.id}>
                  {c.show(lang, report.total)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="report-notes">{t(lang, 'reportsNotes')}</p>
    </section>
  );
}
