import { reportGroupTitles, t, type Lang, type ReportPeriod, type StringKey } from '@luot/shared';
import { useState } from 'react';
import { DateInput } from '../components/masked-inputs.tsx';
import { groupings, periods, type ReportSelection } from './report-selection.ts';

interface ReportFiltersProps {
  lang: Lang;
  selection: ReportSelection;
  /** The days of the report on screen, to start a custom range from. */
  shown: { from: string; to: string } | null;
  onChange: (selection: ReportSelection) => void;
}

const periodKey: Record<ReportPeriod, StringKey> = {
  today: 'reportsPeriodToday',
  week: 'reportsPeriodWeek',
  month: 'reportsPeriodMonth',
  year: 'reportsPeriodYear',
};

/**
 * Period and grouping as rows of large options: one tap each, and the whole choice readable at a glance.
 * A ready-made period applies at once; chosen dates apply with “Xem báo cáo”, so half-typed dates send nothing.
 */
export function ReportFilters({ lang, selection, shown, onChange }: ReportFiltersProps) {
  const chosen = 'from' in selection.range ? selection.range : null;
  const [custom, setCustom] = useState(chosen !== null);
  const [from, setFrom] = useState(chosen?.from ?? shown?.from ?? '');
  const [to, setTo] = useState(chosen?.to ?? shown?.to ?? '');
  const backwards = from !== '' && to !== '' && from > to;

  const startCustom = () => {
    setCustom(true);
    if (!from && shown) setFrom(shown.from);
    if (!to && shown) setTo(shown.to);
  };

  return (
    <form
      className="report-filters"
      aria-label={t(lang, 'reportsFilters')}
      data-testid="report-filters"
      onSubmit={(e) => {
        e.preventDefault();
        if (from && to && !backwards) onChange({ ...selection, range: { from, to } });
      }}
    >
      <fieldset className="segmented">
        <legend>{t(lang, 'reportsPeriod')}</legend>
        {periods.map((period) => (
          <Option
            key={period}
            name="report-period"
            checked={!custom && 'period' in selection.range && selection.range.period === period}
            onChoose={() => {
              setCustom(false);
              onChange({ ...selection, range: { period } });
            }}
            testId={`report-period-${period}`}
            label={t(lang, periodKey[period])}
          />
        ))}
        <Option name="report-period" checked={custom} onChoose={startCustom} testId="report-period-custom" label={t(lang, 'reportsPeriodCustom')} />
      </fieldset>

      {custom && (
        <div className="report-filters__dates">
          <label className="form__row">
            {t(lang, 'reportsFrom')}
            <DateInput value={from} required onChange={setFrom} data-testid="report-from" />
          </label>
          <label className="form__row">
            {t(lang, 'reportsTo')}
            <DateInput value={to} required onChange={setTo} data-testid="report-to" />
          </label>
          <button type="submit" className="btn btn--primary" disabled={!from || !to || backwards} data-testid="report-show">
            {t(lang, 'reportsShow')}
          </button>
          {backwards && (
            <p className="notice notice--error" role="alert" data-testid="report-range-backwards">
              {t(lang, 'reportsRangeBackwards')}
            </p>
          )}
        </div>
      )}

      <fieldset className="segmented">
        <legend>{t(lang, 'reportsGroupBy')}</legend>
        {groupings.map((groupBy) => (
          <Option
            key={groupBy}
            name="report-group"
            checked={selection.groupBy === groupBy}
            onChoose={() => onChange({ ...selection, groupBy })}
            testId={`report-group-${groupBy}`}
            label={reportGroupTitles[groupBy][lang]}
          />
        ))}
      </fieldset>
    </form>
  );
}

/** One option of a segmented row: a radio button drawn as a large labelled box. */
function Option({ name, checked, onChoose, testId, label }: { name: string; checked: boolean; onChoose: () => void; testId: string; label: string }) {
  return (
    <label className="segmented__option">
      <input type="radio" name={name} checked={checked} onChange={onChoose} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
