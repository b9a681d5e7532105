import type { OpenDb } from '../src/db/open-db.ts';
import { serviceDayStart } from '../src/domain/time.ts';
import type { Ticket } from '../src/domain/types.ts';
import type { Clock } from '../src/domain/clock.ts';
import type { ConfigCache } from '../src/db/config-cache.ts';

/**
 * The estimate the product gave before issue #7, kept here as the yardstick of the accuracy benchmark:
 *
 *   people ahead in the field × mean minutes per visit (the field's last 20 visits today, call → done or
 *   absent; 8 before there are any, cached 30 s) ÷ counters open now that serve the field, rounded up;
 *
 * null when no open counter serves the field. "People ahead" is the plain count the kiosk prints.
 */
export function createBaselineEstimate(deps: { store: OpenDb; clock: Clock; config: ConfigCache }) {
  const visits = deps.store.sqlite
    .prepare(
      `SELECT e.at - t.called_at FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.type IN ('done', 'no_show') AND e.field_id = ? AND e.at >= ? AND t.called_at IS NOT NULL
       ORDER BY e.id DESC LIMIT 20`,
    )
    .pluck();
  const open = deps.store.sqlite.prepare(`SELECT id FROM counters WHERE status = 'open' AND active = 1`).pluck();
  const cache = new Map<string, { at: number; minutes: number }>();

  function minutesPerVisit(fieldId: number, dayStart: number): number {
    const now = deps.clock.now();
    const key = `${fieldId}|${dayStart}`;
    const hit = cache.get(key);
    if (hit && now - hit.at < 30_000) return hit.minutes;
    const durations = visits.all(fieldId, dayStart) as number[];
    const minutes = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length / 60_000 : 8;
    cache.set(key, { at: now, minutes });
    return minutes;
  }

  return {
    waitMinutes(ticket: Pick<Ticket, 'fieldId' | 'serviceDay'>, ahead: number): number | null {
      const config = deps.config.get();
      const openIds = new Set(open.all() as number[]);
      const serving = [...config.counterLinks].filter(([id, links]) => openIds.has(id) && links.some((l) => l.fieldId === ticket.fieldId)).length;
      if (serving === 0) return null;
      if (ahead === 0) return 0;
      return Math.ceil((ahead * minutesPerVisit(ticket.fieldId, serviceDayStart(ticket.serviceDay, config.rules.dayRollover))) / serving);
    },
  };
}
