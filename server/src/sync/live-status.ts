import type { CenterLiveStatus } from '@luot/shared';
import type { Clock } from '../domain/clock.ts';
import type { LiveFiguresService } from '../services/live-figures.ts';
import type { ReadModels } from '../services/read-models.ts';

/**
 * What the center's own supervisor board shows, as the hub receives it: waits per field, counters and who sits at
 * them, the numbers being served (a printed number is not personal data) and the alerts. No queue of citizens.
 */
export function liveStatus(deps: { clock: Clock; live: LiveFiguresService; read: ReadModels }): CenterLiveStatus {
  const figures = deps.live.figures();
  const fields = new Map(deps.read.fields().map((f) => [f.id, f]));
  const since = new Map(figures.counters.map((c) => [c.counterId, c.stateSinceSeconds]));
  return {
    at: deps.clock.now(),
    serviceDay: deps.read.today().day,
    fields: figures.fields.map((f) => ({
      fieldId: f.fieldId,
      waiting: f.waiting,
      longestWaitSeconds: Math.max(0, f.longestWaitSeconds),
      averageWaitLastHourSeconds: f.averageWaitLastHourSeconds === null ? null : Math.max(0, f.averageWaitLastHourSeconds),
      servedToday: f.servedToday,
      targetWaitMinutes: f.targetWaitMinutes,
      issuing: fields.get(f.fieldId)?.issuing ?? true,
    })),
    counters: deps.read.counters().map((c) => ({
      counterId: c.id,
      status: c.status,
      pauseReason: c.pauseReason,
      officerName: c.officer?.name ?? null,
      ticket: c.current ? { number: c.current.number, status: c.current.status, calledAt: c.current.calledAt ? Date.parse(c.current.calledAt) : null } : null,
      stateSinceSeconds: since.get(c.id) ?? null,
    })),
    alerts: figures.alerts,
  };
}
