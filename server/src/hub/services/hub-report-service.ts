import type { CenterConfigSnapshot, HubRankBy, HubReportGroupBy, HubReportQuery, Report, ReportFigures, ReportGroupBy, ReportRow } from '@luot/shared';
import { DomainError } from '../../domain/errors.ts';
import { serviceDayOf } from '../../domain/time.ts';
import { Pacer } from '../../reports/pacer.ts';
import { addDays, daysBetween } from '../../reports/range.ts';
import { buildRows, heatmap, ReportAccumulator, type Labels } from '../../reports/report-builder.ts';
import { ReportRangeError } from '../../reports/report-service.ts';
import { resolveRange } from '../../reports/range.ts';
import { centersRepo } from '../db/centers-repo.ts';
import type { HubStore } from '../db/open-hub-db.ts';
import { hubReportRepo, type HubKey, type HubRollupRow } from '../db/report-repo.ts';

/** Days read at once; each window is one grouped query, and the event loop gets its turn in between. */
const WINDOW_DAYS = 31;

type Text = { vi: string; en: string };

/** The labels a center's own report uses, built from the set-up it synced: so its rows read the same on the hub. */
export function centerLabels(config: CenterConfigSnapshot | null): Labels {
  return {
    fields: new Map((config?.fields ?? []).map((f) => [f.id, { vi: f.nameVi, en: f.nameEn, order: f.position * 1e6 + f.id }])),
    counters: new Map((config?.counters ?? []).map((c) => [c.id, { vi: c.name, en: `Counter ${c.number}`, order: c.number }])),
    staff: new Map((config?.staff ?? []).map((s) => [s.id, { vi: s.name, en: s.name }])),
  };
}

const monthLabel = (key: number): Text => {
  const y = Math.floor(key / 100);
  const m = key % 100;
  return { vi: `Tháng ${String(m).padStart(2, '0')}/${y}`, en: `${y}-${String(m).padStart(2, '0')}` };
};

/** Best first; rows without the figure go last. */
function rankValue(rankBy: HubRankBy, f: ReportFigures): number | null {
  switch (rankBy) {
    case 'withinTarget':
      return f.withinTargetShare;
    case 'satisfaction':
      return f.satisfaction?.satisfiedShare ?? null;
    case 'served':
      return f.served;
    case 'wait':
      return f.wait.meanSeconds === null ? null : -f.wait.meanSeconds;
  }
}

export function rank(rows: ReportRow[], rankBy: HubRankBy): ReportRow[] {
  return [...rows].sort((a, b) => {
    const x = rankValue(rankBy, a);
    const y = rankValue(rankBy, b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return y - x;
  });
}

/**
 * Reports across the province's centers, read from the hub's rollups only. Figures are summed and merged by the
 * center's own report code (ReportAccumulator), so one center's report here is its report at home, figure for
 * figure; across centers the same definitions apply to the union of their citizens.
 */
export function createHubReportService(deps: { store: HubStore; clock: { now(): number }; provinceName: string }) {
  const { db, sql } = deps.store;

  const today = () => serviceDayOf(deps.clock.now(), '00:00');

  async function configs(): Promise<Map<number, { name: string; config: CenterConfigSnapshot | null }>> {
    return new Map((await centersRepo.withState(db)).map((c) => [c.center.id, { name: c.sync.config?.name || c.center.name, config: c.sync.config ?? null }]));
  }

  return {
    today,

    async report(query: HubReportQuery): Promise<Report & { title: string }> {
      const range = resolveRange({ from: query.from, to: query.to, period: query.period }, today());
      if ('problem' in range) throw new ReportRangeError(range.problem);
      const { from, to } = range;
      const one = query.centerId;
      const groupBy: HubReportGroupBy = query.groupBy ?? (one === undefined ? 'center' : 'field');
      if (one === undefined && (groupBy === 'counter' || groupBy === 'officer')) throw new ReportRangeError('counter and officer groupings need one center (centerId)');
      const centers = await configs();
      const home = one === undefined ? undefined : centers.get(one);
      if (one !== undefined && !home) throw new DomainError('CENTER_NOT_FOUND');

      // Keys across centers: a field is its code (the same field in every center), a counter or officer is one center's.
      const fieldCodes = new Map<string, number>();
      const fieldKey = (centerId: number, fieldId: number): number => {
        if (one !== undefined) return fieldId;
        const code = centers.get(centerId)?.config?.fields.find((f) => f.id === fieldId)?.code;
        if (!code) return 0;
        let key = fieldCodes.get(code);
        if (key === undefined) fieldCodes.set(code, (key = fieldCodes.size + 1));
        return key;
      };

      const accGroup: ReportGroupBy = groupBy === 'center' || groupBy === 'month' ? 'field' : groupBy;
      const acc = new ReportAccumulator(accGroup);
      const hourCounts: [string, number, number][] = [];
      const pacer = new Pacer();
      const key: HubKey = groupBy;
      for (let start = from; start <= to; start = addDays(start, WINDOW_DAYS)) {
        const end = addDays(start, WINDOW_DAYS - 1) < to ? addDays(start, WINDOW_DAYS - 1) : to;
        const [rows, hours] = await Promise.all([hubReportRepo.rows(sql, key, start, end, one), hubReportRepo.hourCounts(sql, start, end, one)]);
        acc.add(groupBy === 'field' ? rows.map((r: HubRollupRow) => (r.key === 0 ? r : { ...r, key: fieldKey(r.centerId, r.key) })) : rows);
        hourCounts.push(...hours);
        await pacer.pause();
      }

      let rows: ReportRow[];
      if (groupBy === 'center' || groupBy === 'month' || (groupBy === 'field' && one === undefined)) {
        const codes = [...fieldCodes.entries()];
        const fieldName = (k: number): Text => {
          const code = codes.find(([, v]) => v === k)?.[0];
          for (const c of centers.values()) {
            const f = c.config?.fields.find((x) => x.code === code);
            if (f) return { vi: f.nameVi, en: f.nameEn };
          }
          return { vi: 'Không xác định', en: 'Unknown' };
        };
        const described: ReportRow[] = [];
        for (const k of acc.keys()) {
          const n = Number(k);
          const label = groupBy === 'center' ? { vi: centers.get(n)?.name ?? `#${n}`, en: centers.get(n)?.name ?? `#${n}` } : groupBy === 'month' ? monthLabel(n) : fieldName(n);
          described.push({ key: groupBy === 'field' && n === 0 ? null : groupBy === 'field' ? (codes.find(([, v]) => v === n)?.[0] ?? null) : n, label, ...(await acc.figures(k, pacer)) });
        }
        rows = groupBy === 'month' ? described.sort((a, b) => Number(a.key) - Number(b.key)) : described.sort((a, b) => a.label.vi.localeCompare(b.label.vi, 'vi'));
      } else {
        rows = await buildRows(acc, groupBy, centerLabels(home?.config ?? null), pacer);
      }
      // A ranking says its places: "1. Phường …", in the table, the charts and the exports alike.
      if (query.rankBy) rows = rank(rows, query.rankBy).map((r, i) => ({ ...r, label: { vi: `${i + 1}. ${r.label.vi}`, en: `${i + 1}. ${r.label.en}` } }));
      const total = await acc.figures(null, pacer);
      return {
        from,
        to,
        groupBy,
        days: daysBetween(from, to),
        generatedAt: new Date(deps.clock.now()).toISOString(),
        source: 'rollups',
        rows,
        total,
        heatmap: { description: 'numbers issued by weekday (Monday first) × local hour 0–23', counts: heatmap(hourCounts) },
        title: home?.name ?? deps.provinceName,
      };
    },
  };
}

export type HubReportService = ReturnType<typeof createHubReportService>;
