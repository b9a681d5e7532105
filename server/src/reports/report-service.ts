import type { Report, ReportGroupBy, ReportQuery, StaffFigures, StaffFiguresQuery } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { serviceDayOf } from '../domain/time.ts';
import type { Clock } from '../domain/clock.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { Cell } from './cells.ts';
import { cellsFromEvents, rebuildRollups, targetsOf } from './events-source.ts';
import { buildRows, dimOf, heatmap, ReportAccumulator, type Labels } from './report-builder.ts';
import { Pacer } from './pacer.ts';
import { cellCounts, reportRepo, type RollupRow } from './report-repo.ts';
import { addDays, daysBetween, resolveRange } from './range.ts';
import { staffFiguresReport } from './staff-figures-report.ts';
import { visitRows, type VisitRow } from './visits.ts';

/** Days read at once: half a month of rollups reads in a few milliseconds, then the event loop gets its turn. */
const WINDOW_DAYS = 16;

export class ReportRangeError extends Error {}

function cellRow(day: string, key: number, cell: Cell): RollupRow {
  return {
    day,
    key,
    counts: cellCounts(cell),
    wait: Uint32Array.from(cell.wait),
    walk: Uint32Array.from(cell.walk),
    service: Uint32Array.from(cell.service),
  };
}

/**
 * Reports over any range of service days. Reads daily rollups a month at a time and yields to the event loop in
 * between, so a five-year report never holds up calls at the counters; durations are merged exactly.
 * `source: 'events'` recomputes from the raw event log instead (slow; for checks and benchmarks).
 */
export function createReportService(deps: { store: OpenDb; clock: Clock; config: ConfigCache }) {
  const { db } = deps.store;
  // A database from before the reports gets its rollups once, before the server answers anyone.
  if (reportRepo.needsBackfill(db)) rebuildRollups(db);

  function labels(): Labels {
    return {
      fields: new Map(reportRepo.fieldLabels(db).map((f) => [f.id, { vi: f.vi, en: f.en, order: f.position * 1e6 + f.id }])),
      counters: new Map(reportRepo.counterLabels(db).map((c) => [c.id, { vi: c.name, en: `Counter ${c.number}`, order: c.number }])),
      staff: new Map(reportRepo.staffLabels(db).map((s) => [s.id, { vi: s.name, en: s.name }])),
    };
  }

  function today(): string {
    return serviceDayOf(deps.clock.now(), deps.config.get().rules.dayRollover);
  }

  return {
    today,

    /** The service days a query covers; throws ReportRangeError with the reason when it cannot be answered. */
    range(query: ReportQuery): { from: string; to: string } {
      const range = resolveRange(query, today());
      if ('problem' in range) throw new ReportRangeError(range.problem);
      return range;
    },

    async report(query: ReportQuery, options: { source?: 'rollups' | 'events' } = {}): Promise<Report> {
      const { from, to } = this.range(query);
      const groupBy: ReportGroupBy = query.groupBy ?? 'field';
      const source = options.source ?? 'rollups';
      const dim = dimOf(groupBy);
      const acc = new ReportAccumulator(groupBy);
      const hourCounts: [string, number, number][] = [];
      const pacer = new Pacer();
      if (source === 'rollups') {
        for (let start = from; start <= to; start = addDays(start, WINDOW_DAYS)) {
          const end = addDays(start, WINDOW_DAYS - 1) < to ? addDays(start, WINDOW_DAYS - 1) : to;
          acc.add(reportRepo.rows(db, dim, start, end));
          hourCounts.push(...reportRepo.hourCounts(db, start, end));
          await pacer.pause();
        }
      } else {
        const targetMs = targetsOf(db);
        for (const day of reportRepo.ticketDays(db, from, to)) {
          const rows: RollupRow[] = [];
          for (const { dim: d, key, cell } of cellsFromEvents(db, day, targetMs).cells.values()) {
            if (d === dim) rows.push(cellRow(day, key, cell));
            if (d === 'hour') hourCounts.push([day, key, cell.issued]);
          }
          acc.add(rows);
          await pacer.pause();
        }
      }
      const rows = await buildRows(acc, groupBy, labels(), pacer);
      const total = await acc.figures(null, pacer);
      return {
        from,
        to,
        groupBy,
        days: daysBetween(from, to),
        generatedAt: new Date(deps.clock.now()).toISOString(),
        source,
        rows,
        total,
        heatmap: { description: 'numbers issued by weekday (Monday first) × local hour 0–23', counts: heatmap(hourCounts) },
      };
    },

    /** Per officer or counter: throughput, visit and walk times, idle and pause time, recalls, no-shows, satisfaction. */
    async staffFigures(query: StaffFiguresQuery): Promise<StaffFigures> {
      const { from, to } = this.range({ from: query.from, to: query.to, period: query.period });
      const rollover = deps.config.get().rules.dayRollover;
      return staffFiguresReport(db, { from, to, groupBy: query.groupBy ?? 'officer', rollover, now: deps.clock.now() }, labels());
    },

    /** Every finished visit of the range with its dossier code, for the one-stop system to join a visit to its dossier. */
    visits(query: ReportQuery): { from: string; to: string; rows: VisitRow[] } {
      const { from, to } = this.range(query);
      return { from, to, rows: visitRows(db, from, to) };
    },

    /** The center's name, for export titles. */
    centerName(): string {
      return deps.config.get().center.name;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
