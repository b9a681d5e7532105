import type { CallView, CenterSnapshot, CounterSnapshot, HallSnapshot } from '@luot/shared';
import { serviceDayOf, serviceDayStart } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import { viewsRepo } from '../db/repositories/views-repo.ts';
import type { Clock } from './clock.ts';

const HALL_CALLS = 10;

/** What screens are shown on connect (snapshots) and what deltas are built from. Reads only. */
export function createReadModels(deps: { store: OpenDb; clock: Clock }) {
  const { db } = deps.store;

  function today() {
    const rollover = settingsRepo.rules(db).dayRollover;
    const day = serviceDayOf(deps.clock.now(), rollover);
    return { day, start: serviceDayStart(day, rollover) };
  }

  function calls(limit = HALL_CALLS): CallView[] {
    return viewsRepo.recentCalls(db, today().start, limit);
  }

  return {
    today,
    calls,
    hall(): HallSnapshot {
      const center = settingsRepo.center(db);
      return {
        center: { name: center.name, notice: center.hallNotice },
        fields: viewsRepo.fields(db, today().day),
        counters: viewsRepo.counters(db),
        calls: calls(),
      };
    },
    counter(counterId: number): CounterSnapshot | null {
      const [counter] = viewsRepo.counters(db, [counterId]);
      return counter ? { counter } : null;
    },
    center(): CenterSnapshot {
      const { day } = today();
      return { fields: viewsRepo.fields(db, day), counters: viewsRepo.counters(db), queue: viewsRepo.queue(db, day), calls: calls() };
    },
    fields: (ids?: readonly number[]) => viewsRepo.fields(db, today().day, ids),
    counters: (ids?: readonly number[]) => viewsRepo.counters(db, ids),
    center_profile: () => settingsRepo.center(db),
  };
}

export type ReadModels = ReturnType<typeof createReadModels>;
