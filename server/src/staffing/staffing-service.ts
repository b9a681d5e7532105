import type { StaffingField, StaffingPlan } from '@luot/shared';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import { staffingRepo } from '../db/repositories/staffing-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { serviceDayOf, serviceDayStart } from '../domain/time.ts';
import { arrivalPattern, MIN_MEASURED_VISITS, planCells, visitTimes } from './staffing-fold.ts';

const WEEK_MS = 7 * 86_400_000;
export const DEFAULT_SHARE = 0.9;
export const DEFAULT_WEEKS = 8;

/**
 * Staffing advice from the center's own history: the arrival pattern (weekday × local hour) and the counter time
 * per visit of the past weeks, against each field's committed wait, by Erlang C (shared/src/erlang-c.ts).
 * Reads only; a few weeks of events scan in well under a second on the events_at index.
 */
export function createStaffingService(deps: { store: OpenDb; clock: Clock; config: ConfigCache }) {
  const { db } = deps.store;

  return {
    plan(options: { share?: number | undefined; weeks?: number | undefined } = {}): StaffingPlan {
      const share = options.share ?? DEFAULT_SHARE;
      const weeks = options.weeks ?? DEFAULT_WEEKS;
      const config = deps.config.get();
      const today = serviceDayOf(deps.clock.now(), config.rules.dayRollover);
      const to = serviceDayStart(today, config.rules.dayRollover);
      const from = to - weeks * WEEK_MS;
      const pattern = arrivalPattern(staffingRepo.arrivals(db, from, to));
      const visits = visitTimes(staffingRepo.visitEvents(db, from, to));

      const counters = adminRepo.counters(db).filter((c) => c.active);
      const present = new Map<number, number>();
      for (const c of counters) for (const l of c.fields) present.set(l.fieldId, (present.get(l.fieldId) ?? 0) + 1 / c.fields.length);

      const groups = new Set(config.fieldRows.map((r) => r.parentId).filter((id): id is number => id !== null));
      const fields: StaffingField[] = config.fieldRows
        .filter((r) => !groups.has(r.id))
        .map((r) => {
          const measured = visits.get(r.id);
          const useMeasured = measured !== undefined && measured.visits >= MIN_MEASURED_VISITS;
          return {
            fieldId: r.id,
            prefix: r.prefix,
            nameVi: r.nameVi,
            nameEn: r.nameEn,
            targetWaitMinutes: r.targetWaitMinutes,
            serviceMinutes: useMeasured ? Math.round((measured.totalMs / measured.visits / 60_000) * 10) / 10 : r.serviceMinutes,
            measuredVisits: measured?.visits ?? 0,
            present: Math.round((present.get(r.id) ?? 0) * 100) / 100,
          };
        });

      return {
        from: serviceDayOf(from, config.rules.dayRollover),
        to: serviceDayOf(to - 1, config.rules.dayRollover),
        share,
        openDays: pattern.openDays,
        priorityShare: pattern.priorityShare,
        transferShare: pattern.transferShare,
        presentCounters: counters.length,
        fields,
        cells: planCells(pattern, fields, share),
      };
    },
  };
}

export type StaffingService = ReturnType<typeof createStaffingService>;
