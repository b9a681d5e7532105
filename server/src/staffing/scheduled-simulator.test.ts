import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpCenter, wardCenterFields } from '../../scripts/history/center.ts';
import { Random } from '../../scripts/history/random.ts';
import { HistorySimulator } from '../../scripts/history/simulate.ts';
import { openDb, type OpenDb } from '../db/open-db.ts';
import { serviceDayStart } from '../domain/time.ts';

/*
 * The staffing replay (bench/staffing-replay.ts) opens and closes counters on the hour by the advised plan. These
 * check the simulator keeps to a schedule through the real queue service: a counter closed at the hour calls nobody
 * after it; opened again, it calls.
 */
const DAY = '2026-11-23';
const HOUR = 3_600_000;
const midnight = serviceDayStart(DAY, '00:00');
const at = (h: number) => midnight + h * HOUR;

let dir: string;
let store: OpenDb;
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runDay(schedule: (index: number, weekday: number, hour: number) => boolean) {
  dir = mkdtempSync(join(tmpdir(), 'luot-schedule-'));
  store = openDb(join(dir, 'luot.db'));
  const setUpClock = { now: () => midnight - 86_400_000 };
  // One field, two counters serving it: the first open all day, the second as the schedule says.
  const fields = [{ ...(wardCenterFields[0] ?? { code: 'a', nameVi: 'A', nameEn: 'A', prefix: 'A', share: 1, serviceMinutes: 6, targetWaitMinutes: 30 }), share: 1 }];
  const center = await setUpCenter(store, setUpClock, new Random(7), { counters: 2, fields, name: 'Trung tâm thử', layout: [[0], [0]] });
  const sim = new HistorySimulator(store, center, 8, { ticketsPerDay: 220, path: 'service', schedule, demandSeed: 9 });
  await sim.day(DAY);
  const second = center.counters[1]?.id ?? -1;
  const events = (type: string) => store.sqlite.prepare('SELECT at FROM events WHERE type = ? AND counter_id = ? ORDER BY at').pluck().all(type, second) as number[];
  return { calls: events('called'), opened: events('counter_opened'), closed: events('counter_closed'), openMs: sim.openMs };
}

describe('the simulator keeps to a counter schedule', () => {
  it('a counter closes at the hour (no call after it until it opens again) and calls once it opens', async () => {
    // Monday is weekday 0; the second counter is staffed 8–9 and 10–11 only.
    const { calls, opened, closed, openMs } = await runDay((index, weekday, hour) => index === 0 || (weekday === 0 && (hour === 8 || hour === 10)));
    expect(opened).toEqual([at(8), at(10)]);
    expect(closed).toHaveLength(2);
    const [firstClose, secondClose] = closed;
    // Closing at the hour may wait for the citizen at the desk, never for a new call.
    expect(firstClose).toBeGreaterThanOrEqual(at(9));
    expect(firstClose).toBeLessThan(at(10));
    expect(secondClose).toBeGreaterThanOrEqual(at(11));
    for (const c of calls) {
      const inFirst = c >= at(8) && c < at(9);
      const inSecond = c >= at(10) && c < at(11);
      expect(inFirst || inSecond, new Date(c).toISOString()).toBe(true);
    }
    expect(calls.some((c) => c < at(9))).toBe(true);
    expect(calls.some((c) => c >= at(10))).toBe(true);
    // Counter-hours: both counters' open time; the second's two hours (plus any finishing) are in it.
    expect(openMs).toBeGreaterThanOrEqual(2 * HOUR);
  });

  it('a counter the schedule never opens calls nobody and opens no time', async () => {
    const { calls, opened } = await runDay((index) => index === 0);
    expect(opened).toEqual([]);
    expect(calls).toEqual([]);
  });
});
