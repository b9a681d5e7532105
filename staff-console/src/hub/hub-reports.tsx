import { ht, type AnyReportGroupBy, type HubCenterView, type HubRankBy, type Lang } from '@luot/shared';
import { useEffect, useMemo, useState } from 'react';
import { ReportsView } from '../reports/reports-view.tsx';
import type { HubApi, HubReportFilters } from './hub-api.ts';

interface HubReportsProps {
  lang: Lang;
  api: HubApi;
  provinceName: string | null;
  path: readonly string[];
  onPath: (path: string) => void;
}

/** Across centers: by center, field, day, month or hour; one center adds its counters and officers. */
const provinceGroupings: readonly AnyReportGroupBy[] = ['center', 'field', 'month', 'day', 'hour'];
const centerGroupings: readonly AnyReportGroupBy[] = ['field', 'counter', 'officer', 'hour', 'day', 'month'];
const ranks: { value: HubRankBy; key: 'hubRankWithin' | 'hubRankWait' | 'hubRankSatisfaction' | 'hubRankServed' }[] = [
  { value: 'withinTarget', key: 'hubRankWithin' },
  { value: 'wait', key: 'hubRankWait' },
  { value: 'satisfaction', key: 'hubRankSatisfaction' },
  { value: 'served', key: 'hubRankServed' },
];

/** The center's reports screen (table, charts, heat map, print, CSV/XLSX) fed by the hub, with a center and a ranking to choose. */
export function HubReports({ lang, api, provinceName, path, onPath }: HubReportsProps) {
  const [filters, setFilters] = useState<HubReportFilters>({ centerId: null, rankBy: null });
  const [centers, setCenters] = useState<HubCenterView[]>([]);
  useEffect(() => {
    void api.centers().then((r) => r.ok && setCenters(r.body));
  }, [api]);
  const source = useMemo(() => api.reports(filters), [api, filters]);
  const among = filters.centerId === null ? provinceGroupings : centerGroupings;
  const chosen = centers.find((c) => c.id === filters.centerId);

  const extra = (
    <div className="hub-report-filters">
      <label className="form__row">
        {ht(lang, 'hubReportsCenter')}
        <select
          value={filters.centerId ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, centerId: e.target.value === '' ? null : Number(e.target.value) }))}
          data-testid="hub-report-center"
        >
          <option value="">{ht(lang, 'hubReportsAllCenters')}</option>
          {centers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="form__row">
        {ht(lang, 'hubReportsRank')}
        <select
          value={filters.rankBy ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, rankBy: e.target.value === '' ? null : (e.target.value as HubRankBy) }))}
          data-testid="hub-report-rank"
        >
          <option value="">{ht(lang, 'hubReportsRankNone')}</option>
          {ranks.map((r) => (
            <option key={r.value} value={r.value}>
              {ht(lang, r.key)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  return <ReportsView key={filters.centerId ?? 'all'} lang={lang} api={source} among={among} extraFilters={extra} centerName={chosen?.name ?? provinceName} path={path} onPath={onPath} />;
}
