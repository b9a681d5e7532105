import type { CallView, CenterSnapshot, CounterSnapshot, CounterView, DeviceSnapshot, FieldView, HallSnapshot } from '@luot/shared';
import { accessRepo, deviceSettings } from '../db/repositories/access-repo.ts';
import { serviceDayOf, serviceDayStart } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import { viewsRepo } from '../db/repositories/views-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { ConfigCache } from '../db/config-cache.ts';

const HALL_CALLS = 10;

/** What screens are shown on connect (snapshots) and what deltas are built from. Reads only. */
export function createReadModels(deps: { store: OpenDb; clock: Clock; config: ConfigCache }) {
  const { db } = deps.store;

  function today() {
    const rollover = deps.config.get().rules.dayRollover;
    const day = serviceDayOf(deps.clock.now(), rollover);
    return { day, start: serviceDayStart(day, rollover) };
  }

  function calls(limit = HALL_CALLS): CallView[] {
    return viewsRepo.recentCalls(db, today().start, limit);
  }

  function fields(onlyIds?: readonly number[]): FieldView[] {
    const rows = deps.config.get().fieldRows.filter((r) => !onlyIds || onlyIds.includes(r.id));
    const tallies = viewsRepo.dayTallies(db, today().day);
    const charter = viewsRepo.charterToday(db, today().day);
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      prefix: r.prefix,
      width: r.width,
      startNumber: r.startNumber,
      dailyLimit: r.dailyLimit,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      issuing: r.issuing,
      targetWaitMinutes: r.targetWaitMinutes,
      serviceMinutes: r.serviceMinutes,
      waiting: tallies.get(r.id)?.waiting ?? 0,
      issuedToday: tallies.get(r.id)?.issued ?? 0,
      calledToday: charter.get(r.id)?.called ?? 0,
      calledWithinTargetToday: charter.get(r.id)?.within ?? 0,
    }));
  }

  function counters(onlyIds?: readonly number[]): CounterView[] {
    return viewsRepo.counters(db, deps.config.get().counterLinks, onlyIds);
  }

  return {
    today,
    calls,
    fields,
    counters,
    centerProfile: () => deps.config.get().center,
    /** The whole configuration as last read: priorities, voice, fields (routes read it through here, not the cache). */
    config: () => deps.config.get(),
    hall(): HallSnapshot {
      const center = deps.config.get().center;
      return { center: { name: center.name, notice: center.hallNotice }, fields: fields(), counters: counters(), calls: calls() };
    },
    device(deviceId: number): DeviceSnapshot | null {
      const row = accessRepo.deviceById(db, deviceId);
      return row ? { settings: deviceSettings(row) } : null;
    },
    counter(counterId: number): CounterSnapshot | null {
      const [counter] = counters([counterId]);
      if (!counter) return null;
      const names = deps.config.get().fieldRows.filter((f) => counter.fieldIds.includes(f.id));
      return { counter, fields: names.map((f) => ({ id: f.id, nameVi: f.nameVi, nameEn: f.nameEn })) };
    },
    center(): CenterSnapshot {
      return { fields: fields(), counters: counters(), queue: viewsRepo.queue(db, today().day), calls: calls() };
    },
  };
}

export type ReadModels = ReturnType<typeof createReadModels>;
