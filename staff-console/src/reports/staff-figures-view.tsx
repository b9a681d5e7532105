import { staffFigureWords, t, type Lang, type StaffFigureRow, type StaffFigures, type StringKey } from '@luot/shared';
import { useEffect, useMemo, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { BarChart, type BarSpec } from './bar-chart.tsx';
import { formatDay } from './report-format.ts';
import { saveFile } from './save-file.ts';

type Period = 'today' | 'week' | 'month' | 'year';
type GroupBy = 'officer' | 'counter';
const periods: readonly { id: Period; key: StringKey }[] = [
  { id: 'today', key: 'reportsPeriodToday' },
  { id: 'week', key: 'reportsPeriodWeek' },
  { id: 'month', key: 'reportsPeriodMonth' },
  { id: 'year', key: 'reportsPeriodYear' },
];
const columns = Object.keys(staffFigureWords) as (keyof typeof staffFigureWords)[];

function cell(lang: Lang, row: StaffFigureRow, c: (typeof columns)[number]): string {
  const v = row[c];
  if (v === null) return '—';
  const n = c === 'satisfiedShare' ? Math.round(v * 1000) / 10 : v;
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

/**
 * Staff figures for supervisors and admins: one row per officer or counter over a period, a chart of served per hour
 * beside idle time, the pauses by reason, and beside them what each figure means. The server refuses anyone else.
 */
export function StaffFiguresView({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const [period, setPeriod] = useState<Period>('today');
  const [groupBy, setGroupBy] = useState<GroupBy>('officer');
  const [answer, setAnswer] = useState<{ figures: StaffFigures | null; failure: ApiFailure | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.staffFigures({ period, groupBy }).then((result) => {
      if (cancelled) return;
      if (result.ok) setAnswer({ figures: result.body, failure: null });
      else if (result.kind !== 'unauthorized') setAnswer({ figures: null, failure: result });
    });
    return () => {
      cancelled = true;
    };
  }, [api, period, groupBy]);

  const figures = answer?.figures ?? null;
  const chart = useMemo((): BarSpec | null => {
    if (!figures || figures.rows.length === 0) return null;
    return {
      labels: figures.rows.map((r) => r.label[lang]),
      locale: lang === 'vi' ? 'vi-VN' : 'en-GB',
      whole: false,
      series: [
        { label: t(lang, 'staffChartServed'), data: figures.rows.map((r) => r.servedPerHour), color: '#0a7a2f' },
        { label: t(lang, 'staffChartIdle'), data: figures.rows.map((r) => r.idleMinutes), color: '#c2410c' },
      ],
    };
  }, [figures, lang]);

  const download = async () => {
    const result = await api.staffFiguresFile({ period, groupBy, lang });
    if (result.ok) saveFile(result.body.blob, result.body.fileName ?? `${t(lang, 'navStaffFigures')}.csv`);
  };

  return (
    <div className="reports staff-figures" data-testid="staff-figures">
      <div className="reports__toolbar">
        <label>
          {t(lang, 'reportsPeriod')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="staff-period">
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {t(lang, p.key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'reportsGroupBy')}{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)} data-testid="staff-group">
            <option value="officer">{t(lang, 'staffGroupOfficer')}</option>
            <option value="counter">{t(lang, 'staffGroupCounter')}</option>
          </select>
        </label>
        <div className="reports__actions">
          <button type="button" className="btn" disabled={!figures} onClick={() => void download()} data-testid="staff-download-csv">
            {t(lang, 'reportsDownloadCsv')}
          </button>
        </div>
      </div>
      <Problem lang={lang} failure={answer?.failure ?? null} />
      {!answer && <p className="loading">{t(lang, 'loading')}</p>}
      {figures && (
        <div className="reports__body staff-figures__body">
          <header className="report-head">
            <h1 className="report-head__title">{t(lang, 'staffTitle')}</h1>
            <p className="report-head__range">
              {formatDay(figures.from)} – {formatDay(figures.to)}
            </p>
          </header>
          {figures.rows.length === 0 ? (
            <p className="notice notice--info" role="status" data-testid="staff-empty">
              {t(lang, 'staffEmpty')}
            </p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table report-table" data-testid="staff-table">
                  <thead>
                    <tr>
                      <th scope="col">{groupBy === 'officer' ? t(lang, 'staffGroupOfficer') : t(lang, 'staffGroupCounter')}</th>
                      {columns.map((c) => (
                        <th key={c} scope="col" title={staffFigureWords[c].meaning[lang]}>
                          {staffFigureWords[c].title[lang]}
                        </th>
                      ))}
                      <th scope="col">{t(lang, 'staffPauses')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.rows.map((row) => (
                      <tr key={row.key} data-testid="staff-row">
                        <th scope="row">{row.label[lang]}</th>
                        {columns.map((c) => (
                          <td key={c} className="num">
                            {cell(lang, row, c)}
                          </td>
                        ))}
                        <td>{row.pauses.map((p) => `${p.reason ?? t(lang, 'staffNoReason')}: ${p.minutes}`).join('; ') || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {chart && (
                <section className="report-charts">
                  <BarChart title={`${t(lang, 'staffChartServed')} · ${t(lang, 'staffChartIdle')}`} spec={chart} testId="staff-chart" />
                </section>
              )}
            </>
          )}
          <section className="staff-figures__meaning" aria-labelledby="staff-meaning" data-testid="staff-meaning">
            <h2 id="staff-meaning">{t(lang, 'staffMeaningTitle')}</h2>
            <dl>
              {columns.map((c) => (
                <div key={c}>
                  <dt>{staffFigureWords[c].title[lang]}</dt>
                  <dd>{staffFigureWords[c].meaning[lang]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      )}
    </div>
  );
}
