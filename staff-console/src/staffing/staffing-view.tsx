import { fill, staffingAssumptions, staffingTexts, t, type Lang, type StaffingPlan } from '@luot/shared';
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { NoticeLine } from '../components/notice-line.tsx';
import { Problem } from '../components/problem.tsx';
import { useRunner } from '../hooks/use-runner.ts';
import { formatDay } from '../reports/report-format.ts';
import { saveFile } from '../reports/save-file.ts';
import { planGrid } from './plan-grid.ts';
import { PlanTable } from './plan-table.tsx';
import { WhatIf } from './what-if.tsx';

interface StaffingViewProps {
  lang: Lang;
  api: ConsoleApi;
  centerName: string | null;
  /** The hash after `#/staffing/`: [share %, weeks], e.g. ['90', '8']. */
  path: readonly string[];
  onPath: (path: string) => void;
}

const SHARES = ['80', '85', '90', '95'];
const WEEKS = ['4', '8', '12', '26'];
const pick = (value: string | undefined, among: readonly string[], fallback: string) => (value !== undefined && among.includes(value) ? value : fallback);

/**
 * The weekly staffing plan for supervisors and admins: counters needed per weekday and hour against today's
 * set-up, for all fields or one, printable on one A4 page and downloadable; with a "what if" for one field.
 */
export function StaffingView({ lang, api, centerName, path, onPath }: StaffingViewProps) {
  const share = pick(path[0], SHARES, '90');
  const weeks = pick(path[1], WEEKS, '8');
  const [plan, setPlan] = useState<StaffingPlan | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [fieldId, setFieldId] = useState<number | null>(null);
  const files = useRunner();

  useEffect(() => {
    let live = true;
    void api.staffingPlan({ share: String(Number(share) / 100), weeks }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setPlan(result.body);
        setFailure(null);
      } else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [api, share, weeks]);

  const download = (format: 'xlsx' | 'csv') =>
    void files.run(format, () => api.staffingFile(format, { share: String(Number(share) / 100), weeks, lang }), (file) => {
      const name = file.fileName ?? `${staffingTexts.title[lang]}.${format}`;
      saveFile(file.blob, name);
      return { tone: 'ok', text: fill(lang, 'reportsDownloaded', { name }) };
    });

  const field = plan?.fields.find((f) => f.fieldId === fieldId) ?? null;
  const grid = plan ? planGrid(plan, field ? field.fieldId : null) : null;
  const whatIfField = field ?? plan?.fields.find((f) => plan.cells.some((c) => c.fieldId === f.fieldId)) ?? null;

  return (
    <div className="staffing" data-testid="staffing">
      <div className="reports__toolbar staffing__toolbar">
        <label>
          {t(lang, 'staffingShare')}
          <select value={share} onChange={(e) => onPath(`${e.target.value}/${weeks}`)} data-testid="staffing-share">
            {SHARES.map((s) => (
              <option key={s} value={s}>
                {fill(lang, 'staffingShareOption', { share: s })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'staffingWeeks')}
          <select value={weeks} onChange={(e) => onPath(`${share}/${e.target.value}`)} data-testid="staffing-weeks">
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                {fill(lang, 'staffingWeeksOption', { weeks: w })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'staffingField')}
          <select value={fieldId ?? ''} onChange={(e) => setFieldId(e.target.value === '' ? null : Number(e.target.value))} data-testid="staffing-field">
            <option value="">{t(lang, 'staffingAllFields')}</option>
            {plan?.fields.map((f) => (
              <option key={f.fieldId} value={f.fieldId}>{`${f.prefix} · ${lang === 'vi' ? f.nameVi : f.nameEn}`}</option>
            ))}
          </select>
        </label>
        <div className="reports__actions">
          <button type="button" className="btn btn--primary" disabled={files.busy !== null} onClick={() => download('xlsx')} data-testid="staffing-download-xlsx">
            {files.busy === 'xlsx' ? t(lang, 'reportsDownloading') : t(lang, 'reportsDownloadXlsx')}
          </button>
          <button type="button" className="btn" disabled={files.busy !== null} onClick={() => download('csv')} data-testid="staffing-download-csv">
            {files.busy === 'csv' ? t(lang, 'reportsDownloading') : t(lang, 'reportsDownloadCsv')}
          </button>
          <button type="button" className="btn" disabled={plan === null} onClick={() => window.print()} data-testid="staffing-print">
            {t(lang, 'staffingPrint')}
          </button>
        </div>
      </div>
      <NoticeLine lang={lang} notice={files.notice} testId="staffing-notice" />
      {failure && <Problem lang={lang} failure={failure} testId="staffing-problem" />}
      {!plan && !failure && <p className="loading">{t(lang, 'loading')}</p>}

      {plan && grid && (
        <div className="staffing__body" data-testid="staffing-body">
          <header className="report-head">
            {centerName && <p className="report-head__center">{centerName}</p>}
            <h1 className="report-head__title">
              {staffingTexts.title[lang]}
              {field && ` — ${field.prefix} · ${lang === 'vi' ? field.nameVi : field.nameEn}`}
            </h1>
            <p className="report-head__range">
              {t(lang, 'staffingLead')} {staffingTexts.basis[lang].replace('{from}', formatDay(plan.from)).replace('{to}', formatDay(plan.to)).replace('{share}', share)}
            </p>
            <p className="report-head__generated" data-testid="staffing-present">
              {field
                ? fill(lang, 'staffingFieldFacts', {
                    wait: field.targetWaitMinutes,
                    service: field.serviceMinutes,
                    basis: field.measuredVisits >= 10 ? fill(lang, 'staffingMeasured', { visits: field.measuredVisits }) : t(lang, 'staffingPublished'),
                    present: field.present,
                  })
                : fill(lang, 'staffingPresent', { present: plan.presentCounters })}
            </p>
          </header>
          {grid.hours.length === 0 ? (
            <p className="notice notice--info" role="status" data-testid="staffing-empty">
              {t(lang, 'staffingNoHistory')}
            </p>
          ) : (
            <>
              <p className="staffing__legend">{t(lang, 'staffingLegend')}</p>
              <PlanTable lang={lang} grid={grid} />
              {whatIfField && <WhatIf key={whatIfField.fieldId} lang={lang} plan={plan} fieldId={whatIfField.fieldId} />}
            </>
          )}
          <section className="staffing__assumptions">
            <h2>{t(lang, 'staffingAssumptionsTitle')}</h2>
            <ul>
              {staffingAssumptions.map((a) => (
                <li key={a.en}>{a[lang]}</li>
              ))}
              <li>{fill(lang, 'staffingMix', { priority: Math.round(plan.priorityShare * 100), transfer: Math.round(plan.transferShare * 100) })}</li>
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
