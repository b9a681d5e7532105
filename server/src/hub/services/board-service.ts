import type { BoardRow, HubCenterBoard, ProvinceBoard } from '@luot/shared';
import { DomainError } from '../../domain/errors.ts';
import { serviceDayOf } from '../../domain/time.ts';
import { boardRepo, type DayFigures } from '../db/board-repo.ts';
import { centersRepo, type CenterWithState } from '../db/centers-repo.ts';
import type { HubStore } from '../db/open-hub-db.ts';
import { syncState } from './centers-service.ts';

/** A center that has not reported for this long is shown offline (it reports at least every 10 s while linked). */
export const OFFLINE_AFTER_MS = 30_000;
/** Sync further behind than this raises an alert on the board. */
const LAG_ALERT_SECONDS = 120;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/**
 * The province board: every center's live status as last reported, with today's figures from the hub's own
 * rollups (so "served today" and "% within target" agree with the reports) and where its sync stands.
 */
export function createBoardService(deps: { store: HubStore; clock: { now(): number } }) {
  const { db, sql } = deps.store;

  function dayOf(c: CenterWithState, now: number): string {
    return c.live?.status.serviceDay ?? serviceDayOf(now, c.sync.config?.dayRollover ?? '00:00');
  }

  function row(c: CenterWithState, figures: DayFigures | undefined, now: number): BoardRow {
    const live = c.live?.status ?? null;
    const online = c.live !== null && now - c.live.receivedAt < OFFLINE_AFTER_MS;
    // Waits keep growing between reports: "over target" is judged on the wait aged to now.
    const aged = (s: number) => (live && s > 0 ? s + Math.max(0, Math.floor((now - live.at) / 1000)) : s);
    const fields = live?.fields ?? [];
    const longest = fields.reduce((m, f) => Math.max(m, f.waiting > 0 ? f.longestWaitSeconds : 0), 0);
    const overTarget = fields.some((f) => f.waiting > 0 && aged(f.longestWaitSeconds) > f.targetWaitMinutes * 60);
    const [vg = 0, g = 0, n = 0, b = 0] = figures?.ratings ?? [];
    const ratings = vg + g + n + b;
    const sync = syncState(c.sync);
    const alerts: BoardRow['alerts'] = (live?.alerts ?? []).map((a) => ({ kind: a.kind, message: a.message }));
    if (!online) {
      alerts.unshift({
        kind: 'center_offline',
        message: c.live
          ? { vi: 'Mất kết nối với trung tâm; số liệu trực tiếp là của lần báo cuối.', en: 'The center is not reporting; live figures are from its last report.' }
          : { vi: 'Trung tâm chưa kết nối lần nào.', en: 'The center has never connected.' },
      });
    }
    if (sync.lagSeconds > LAG_ALERT_SECONDS || sync.resyncRequested) {
      alerts.push({
        kind: 'sync_lag',
        message: sync.resyncRequested
          ? { vi: 'Đang đồng bộ lại toàn bộ dữ liệu của trung tâm.', en: 'The center’s data is being synced again from the start.' }
          : { vi: `Đồng bộ chậm ${Math.round(sync.lagSeconds / 60)} phút (${sync.lagEvents} sự kiện).`, en: `Sync is ${Math.round(sync.lagSeconds / 60)} min behind (${sync.lagEvents} events).` },
      });
    }
    return {
      centerId: c.center.id,
      code: c.center.code,
      name: c.sync.config?.name || c.center.name,
      online,
      liveAt: c.live ? new Date(c.live.at).toISOString() : null,
      waiting: fields.reduce((s, f) => s + f.waiting, 0),
      longestWaitSeconds: longest,
      overTarget,
      openCounters: (live?.counters ?? []).filter((x) => x.status === 'open').length,
      counters: live?.counters.length ?? 0,
      servedToday: figures?.served ?? 0,
      calledToday: figures?.called ?? 0,
      withinTargetShare: share(figures?.withinTarget ?? 0, figures?.called ?? 0),
      ratingsToday: ratings,
      satisfiedShare: share(vg + g, ratings),
      alerts,
      sync,
    };
  }

  async function rows(only?: number): Promise<{ rows: BoardRow[]; states: CenterWithState[] }> {
    const now = deps.clock.now();
    const states = (await centersRepo.withState(db, only)).filter((c) => c.center.active);
    const days = [...new Set(states.map((c) => dayOf(c, now)))];
    const figures = await boardRepo.dayFigures(sql, days, only);
    const byCenter = new Map(figures.map((f) => [`${f.centerId}|${f.day}`, f]));
    return { rows: states.map((c) => row(c, byCenter.get(`${c.center.id}|${dayOf(c, now)}`), now)), states };
  }

  return {
    async board(): Promise<ProvinceBoard> {
      const now = deps.clock.now();
      return { at: new Date(now).toISOString(), serviceDay: serviceDayOf(now, '00:00'), rows: (await rows()).rows };
    },

    async row(centerId: number): Promise<BoardRow | null> {
      return (await rows(centerId)).rows[0] ?? null;
    },

    async center(centerId: number): Promise<HubCenterBoard> {
      const { rows: [found], states: [state] } = await rows(centerId);
      if (!found || !state) throw new DomainError('CENTER_NOT_FOUND');
      return { row: found, config: state.sync.config ?? null, live: state.live?.status ?? null };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
