import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DurationFigures, ReportFigures, ReportGroupBy } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../scripts/history/generate.ts';
import { openDb, type OpenDb } from '../db/open-db.ts';
import { createConfigCache } from '../db/config-cache.ts';
import { rebuildRollups } from './events-source.ts';
import { createReportService, type ReportService } from './report-service.ts';

/*
 * Two generated working days of a ten-counter center, written through the queue service. Every figure of the
 * report is recomputed here straight from the stored events, by a separate and deliberately plain reading of
 * the definitions (docs/reports.md), without any of the report code.
 */

let dir: string;
let store: OpenDb;
let reports: ReportService;
const DAY = '2026-11-23';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luot-report-'));
  store = openDb(join(dir, 'history.db'));
  await generateHistory(store, { end: '2026-11-24', days: 2, seed: 7, ticketsPerDay: 700, counters: 10, path: 'service' });
  reports = createReportService({ store, clock: { now: () => Date.parse('2026-11-25T03:00:00Z') }, config: createConfigCache(store) });
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface StoredEvent {
  id: number;
  ticketId: number;
  type: string;
  at: number;
  fieldId: number | null;
  counterId: number | null;
  actorId: number | null;
  data: string;
  serviceDay: string;
  issuedAt: number;
}

interface Expected {
  issued: number;
  called: number;
  served: number;
  noShow: number;
  transferred: number;
  cancelled: number;
  expired: number;
  recalls: number;
  withinTarget: number;
  wait: number[];
  walk: number[];
  service: number[];
  /** Ratings by score 1..4 (index 0 = Rất hài lòng). */
  scores: number[];
}

const blank = (): Expected => ({ issued: 0, called: 0, served: 0, noShow: 0, transferred: 0, cancelled: 0, expired: 0, recalls: 0, withinTarget: 0, wait: [], walk: [], service: [], scores: [0, 0, 0, 0] });

/** The plain reading: one pass per ticket over its own events. Keys: 'none' where nothing applies. */
function expectedFigures(day: string, groupBy: ReportGroupBy): Map<string, Expected> {
  const events = store.sqlite
    .prepare(
      `SELECT e.id, e.ticket_id AS ticketId, e.type, e.at, e.field_id AS fieldId, e.counter_id AS counterId, e.actor_id AS actorId, e.data,
              t.service_day AS serviceDay, t.issued_at AS issuedAt
       FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE t.service_day = ? ORDER BY e.id`,
    )
    .all(day) as StoredEvent[];
  const targets = new Map((store.sqlite.prepare('SELECT id, target_wait_minutes AS m FROM fields').all() as { id: number; m: number }[]).map((f) => [f.id, f.m]));
  const byTicket = new Map<number, StoredEvent[]>();
  for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);

  const groups = new Map<string, Expected>();
  const bucket = (e: StoredEvent, field: number | null = e.fieldId, officer: number | null = e.actorId) => {
    const hourOfArrival = new Date(e.issuedAt + 7 * 3_600_000).getUTCHours();
    const key = { field, counter: e.counterId, officer, hour: hourOfArrival, day: e.serviceDay }[groupBy];
    const id = key === null ? 'none' : String(key);
    if (!groups.has(id)) groups.set(id, blank());
    return groups.get(id) ?? blank();
  };
  for (const list of byTicket.values()) {
    const firstCall = list.find((e) => e.type === 'called');
    for (const [i, e] of list.entries()) {
      const before = list.slice(0, i);
      switch (e.type) {
        case 'issued':
          bucket(e, e.fieldId, null).issued++;
          break;
        case 'called':
          if (e === firstCall) {
            const g = bucket(e);
            g.called++;
            g.wait.push(e.at - e.issuedAt);
            if (e.at - e.issuedAt <= (targets.get(e.fieldId ?? 0) ?? 30) * 60_000) g.withinTarget++;
          }
          break;
        case 'serving': {
          const call = before.filter((p) => p.type === 'called').at(-1);
          if (call) bucket(e).walk.push(e.at - call.at);
          break;
        }
        case 'done': {
          const g = bucket(e);
          g.served++;
          const previous = before.at(-1);
          if (previous?.type === 'serving') g.service.push(e.at - previous.at);
          break;
        }
        case 'no_show':
          bucket(e).noShow++;
          break;
        case 'recalled':
          bucket(e).recalls++;
          break;
        case 'transferred':
          bucket(e, (JSON.parse(e.data) as { fromFieldId: number }).fromFieldId).transferred++;
          break;
        case 'cancelled':
          bucket(e).cancelled++;
          break;
        case 'expired':
          bucket(e, e.fieldId, null).expired++;
          break;
      }
    }
  }
  // Ratings: where the rated ticket was finished, on its day and hour of arrival.
  const ratings = store.sqlite
    .prepare(
      `SELECT r.field_id AS field, r.counter_id AS counter, r.officer_id AS officer, r.score, t.service_day AS day, t.issued_at AS issuedAt
       FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.service_day = ?`,
    )
    .all(day) as { field: number; counter: number | null; officer: number | null; score: number; day: string; issuedAt: number }[];
  for (const r of ratings) {
    const key = { field: r.field, counter: r.counter, officer: r.officer, hour: new Date(r.issuedAt + 7 * 3_600_000).getUTCHours(), day: r.day }[groupBy];
    const id = key === null ? 'none' : String(key);
    if (!groups.has(id)) groups.set(id, blank());
    const g = groups.get(id) ?? blank();
    g.scores[r.score - 1] = (g.scores[r.score - 1] ?? 0) + 1;
  }
  return groups;
}

function satisfactionOf(e: Expected): ReportFigures['satisfaction'] {
  const [veryGood = 0, good = 0, neutral = 0, bad = 0] = e.scores;
  const ratings = veryGood + good + neutral + bad;
  if (ratings === 0) return null;
  const share = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  return { ratings, veryGood, good, neutral, bad, satisfiedShare: share(veryGood + good, ratings), ratedShare: share(ratings, e.served) };
}

function duration(values: number[]): DurationFigures {
  if (values.length === 0) return { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? NaN;
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return { count: values.length, meanSeconds: s(values.reduce((a, b) => a + b, 0) / values.length), medianSeconds: s(rank(50)), p90Seconds: s(rank(90)) };
}

function figuresOf(e: Expected, perTicket: boolean): ReportFigures {
  return {
    issued: perTicket ? null : e.issued,
    called: e.called,
    served: e.served,
    noShow: e.noShow,
    transferred: e.transferred,
    cancelled: e.cancelled,
    expired: e.expired,
    recalls: e.recalls,
    wait: duration(e.wait),
    walk: duration(e.walk),
    service: duration(e.service),
    withinTarget: e.withinTarget,
    withinTargetShare: e.called === 0 ? null : Math.round((e.withinTarget / e.called) * 10000) / 10000,
    satisfaction: satisfactionOf(e),
  };
}

function sum(groups: Map<string, Expected>): Expected {
  const total = blank();
  for (const g of groups.values()) {
    for (const k of ['issued', 'called', 'served', 'noShow', 'transferred', 'cancelled', 'expired', 'recalls', 'withinTarget'] as const) total[k] += g[k];
    total.wait.push(...g.wait);
    total.walk.push(...g.walk);
    total.service.push(...g.service);
    g.scores.forEach((n, i) => (total.scores[i] = (total.scores[i] ?? 0) + n));
  }
  return total;
}

describe('a generated day: every figure equals a plain computation from the stored events', () => {
  it('has a realistic mix to check against', () => {
    const total = sum(expectedFigures(DAY, 'field'));
    expect(total.issued).toBeGreaterThan(500);
    for (const k of ['served', 'noShow', 'transferred', 'recalls'] as const) expect(total[k]).toBeGreaterThan(0);
    expect(total.scores.every((n) => n > 0)).toBe(true);
    expect(total.wait.length).toBeGreaterThan(400);
  });

  for (const groupBy of ['field', 'counter', 'officer', 'hour', 'day'] as const) {
    it(`grouped by ${groupBy}`, async () => {
      const report = await reports.report({ from: DAY, to: DAY, groupBy });
      const expected = expectedFigures(DAY, groupBy);
      const perTicket = groupBy === 'counter' || groupBy === 'officer';
      const got = new Map(report.rows.map(({ key, label: _label, ...figures }) => [key === null ? 'none' : String(key), figures]));
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, e] of expected) expect({ key, ...got.get(key) }).toEqual({ key, ...figuresOf(e, perTicket) });
      expect(report.total).toEqual(figuresOf(sum(expected), false));
    });
  }

  it('the heat map counts each number issued once, by weekday and local hour', async () => {
    const report = await reports.report({ from: '2026-11-23', to: '2026-11-24', groupBy: 'day' });
    const rows = store.sqlite.prepare(`SELECT service_day AS day, issued_at AS at FROM tickets WHERE service_day BETWEEN '2026-11-23' AND '2026-11-24'`).all() as { day: string; at: number }[];
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const r of rows) {
      const weekday = (new Date(`${r.day}T00:00:00Z`).getUTCDay() + 6) % 7;
      const hour = new Date(r.at + 7 * 3_600_000).getUTCHours();
      (grid[weekday] as number[])[hour] = ((grid[weekday] as number[])[hour] ?? 0) + 1;
    }
    expect(report.heatmap.counts).toEqual(grid);
    expect(report.rows.map((r) => r.key)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('the raw-events path and a rebuild from the log give the same report as the live rollups', async () => {
    const live = await reports.report({ from: '2026-11-23', to: '2026-11-24', groupBy: 'officer' });
    const fromEvents = await reports.report({ from: '2026-11-23', to: '2026-11-24', groupBy: 'officer' }, { source: 'events' });
    expect({ ...fromEvents, source: 'rollups' }).toEqual(live);
    expect(rebuildRollups(store.db)).toBe(2);
    expect(await reports.report({ from: '2026-11-23', to: '2026-11-24', groupBy: 'officer' })).toEqual(live);
  });
});
