import { fill, reportGroupTitles, reportTexts, t, type AnyReportGroupBy, type Lang, type Report, type StringKey } from '@luot/shared';
import type { ReactNode } from 'react';
import { NoticeLine } from '../components/notice-line.tsx';
import { Problem } from '../components/problem.tsx';
import { useState } from 'react';
import { useRunner } from '../hooks/use-runner.ts';
import { HeatMap } from './heat-map.tsx';
import { ReportCharts } from './report-charts.tsx';
import { ReportFilters } from './report-filters.tsx';
import { formatDay, formatMoment } from './report-format.ts';
import { exportQuery, parseSelection, selectionPath, type ReportSelection } from './report-selection.ts';
import { ReportTable } from './report-table.tsx';
import { saveFile } from './save-file.ts';
import { useReport, type ReportSource } from './use-report.ts';

interface ReportsViewProps {
  lang: Lang;
  api: ReportSource;
  /** The groupings offered; the center's five unless told. */
  among?: readonly AnyReportGroupBy[];
  /** More filters beside the period and grouping (the hub's center and ranking). */
  extraFilters?: ReactNode;
  /** Printed above the figures: a sheet on the director's desk must say which center it is about. */
  centerName: string | null;
  /** The hash after `#/reports/`, e.g. ['month', 'field']. */
  path: readonly string[];
  onPath: (path: string) => void;
  /** Figures of the center's own beside the report's (booked against walk-in citizens), for the same period. */
  more?: (range: { from: string; to: string }) => ReactNode;
}

const periodKey = { today: 'reportsPeriodToday', week: 'reportsPeriodWeek', month: 'reportsPeriodMonth', year: 'reportsPeriodYear' } as const satisfies Record<
  string,
  StringKey
>;

/** “Báo cáo theo lĩnh vực” / “Report by field”. */
function reportTitle(lang: Lang, report: Report): string {
  const by = reportTexts.groupedBy[lang].replace('{group}', reportGroupTitles[report.groupBy][lang]);
  return `${reportTexts.title[lang]} ${by.toLocaleLowerCase(lang)}`;
}

/** “Tháng này · Từ ngày 01/07/2026 đến ngày 31/07/2026 (31 ngày)”. */
function rangeLine(lang: Lang, selection: ReportSelection | null, report: Report): string {
  const range = reportTexts.range[lang].replace('{from}', formatDay(report.from)).replace('{to}', formatDay(report.to));
  const days = fill(lang, 'reportsDays', { days: report.days });
  const period = selection && 'period' in selection.range ? `${t(lang, periodKey[selection.range.period])} · ` : '';
  return `${period}${range} (${days})`;
}

/**
 * The supervisor's reports: choose a period and a grouping (kept in the URL), read the table and the charts,
 * download the spreadsheet, or print. Printing keeps only the title block, the table, the charts and the heat map.
 */
export function ReportsView({ lang, api, among, extraFilters, centerName, path, onPath, more }: ReportsViewProps) {
  const selection = parseSelection(path, among);
  const { report, loading, failure } = useReport(api, selection, among);
  const files = useRunner();
  // “Đã tải tệp …” is about the report it was downloaded from: another period or grouping clears it.
  const current = selectionPath(selection);
  const [noticeFor, setNoticeFor] = useState(current);
  if (noticeFor !== current) {
    setNoticeFor(current);
    if (files.notice !== null) files.say(null);
  }
  // Figures of an earlier selection stay visible (dimmed) while the new ones load, but never beside an error.
  const shown = failure ? null : report;

  const download = (format: 'xlsx' | 'csv') =>
    void files.run(format, () => api.reportFile(format, exportQuery(selection, lang)), (file) => {
      const name = file.fileName ?? `${reportTexts.title[lang]}.${format}`;
      saveFile(file.blob, name);
      return { tone: 'ok', text: fill(lang, 'reportsDownloaded', { name }) };
    });

  return (
    <div className="reports" data-testid="reports" aria-busy={loading}>
      <div className="reports__toolbar">
        <ReportFilters
          key={selectionPath(selection)}
          lang={lang}
          selection={selection}
          shown={report ? { from: report.from, to: report.to } : null}
          onChange={(next) => onPath(selectionPath(next))}
          among={among}
          extra={extraFilters}
        />
        <div className="reports__actions">
          <button type="button" className="btn btn--primary" disabled={files.busy !== null} onClick={() => download('xlsx')} data-testid="report-download-xlsx">
            {files.busy === 'xlsx' ? t(lang, 'reportsDownloading') : t(lang, 'reportsDownloadXlsx')}
          </button>
          <button type="button" className="btn" disabled={files.busy !== null} onClick={() => download('csv')} data-testid="report-download-csv">
            {files.busy === 'csv' ? t(lang, 'reportsDownloading') : t(lang, 'reportsDownloadCsv')}
          </button>
          <button type="button" className="btn" disabled={shown === null} onClick={() => window.print()} data-testid="report-print">
            {t(lang, 'reportsPrint')}
          </button>
        </div>
      </div>
      <NoticeLine lang={lang} notice={files.notice} testId="report-notice" />

      {failure && <Problem lang={lang} failure={failure} testId="report-problem" />}
      {!shown && loading && <p className="loading">{t(lang, 'loading')}</p>}

      {shown && (
        <div className={loading ? 'reports__body reports__body--stale' : 'reports__body'} data-testid="report-body">
          <header className="report-head" data-testid="report-head">
            {centerName && <p className="report-head__center">{centerName}</p>}
            <h1 className="report-head__title">{reportTitle(lang, shown)}</h1>
            <p className="report-head__range" data-testid="report-range">
              {/* The period's name only once its own figures are in: not over the previous selection's dates. */}
              {rangeLine(lang, loading ? null : selection, shown)}
            </p>
            <p className="report-head__generated">
              {reportTexts.generatedAt[lang].replace('{at}', formatMoment(shown.generatedAt))}
              {loading && <span className="loading"> · {t(lang, 'loading')}</span>}
            </p>
          </header>
          {shown.rows.length === 0 ? (
            <p className="notice notice--info report-empty" role="status" data-testid="report-empty">
              {t(lang, 'reportsEmpty')}
            </p>
          ) : (
            <>
              <ReportTable lang={lang} report={shown} />
              <ReportCharts lang={lang} report={shown} />
              <HeatMap lang={lang} heatmap={shown.heatmap} />
            </>
          )}
          {!loading && more?.({ from: shown.from, to: shown.to })}
        </div>
      )}
    </div>
  );
}
