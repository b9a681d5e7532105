import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../../scripts/history/generate.ts';
import { openDb } from '../db/open-db.ts';

/** The stored history of a seed, without what is random by design (tracking codes, password hashes). */
function history(file: string) {
  const store = openDb(file);
  try {
    const q = (sql: string) => store.sqlite.prepare(sql).raw().all();
    return {
      events: q('SELECT id, at, type, ticket_id, counter_id, field_id, from_status, to_status, actor_id, device_id, data FROM events ORDER BY id'),
      tickets: q('SELECT id, series_field_id, field_id, seq, number, service_day, status, priority, counter_id, target_counter_id, issued_at, queued_at, called_at, recalls FROM tickets ORDER BY id'),
      counters: q('SELECT id, status, current_ticket_id, fair FROM counters ORDER BY id'),
      fieldDays: q('SELECT * FROM field_days ORDER BY field_id, service_day'),
      rollups: q('SELECT * FROM report_days ORDER BY dim, service_day, key'),
    };
  } finally {
    store.close();
  }
}

describe('seed:history', () => {
  it('writes the same history for the same seed, through the queue service or the faster engine path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luot-history-'));
    try {
      const run = async (name: string, path: 'service' | 'engine', seed: number) => {
        const store = openDb(join(dir, name));
        const result = await generateHistory(store, { end: '2026-11-24', days: 4, seed, ticketsPerDay: 250, counters: 6, path });
        store.close();
        return result;
      };
      const viaService = await run('service.db', 'service', 3);
      const viaEngine = await run('engine.db', 'engine', 3);
      await run('other.db', 'engine', 4);
      // 21–22 November 2026 is a weekend: four calendar days, two working days.
      expect(viaService).toMatchObject({ from: '2026-11-21', to: '2026-11-24', workingDays: 2 });
      expect(viaService.tickets).toBeGreaterThan(400);
      expect(viaEngine.events).toBe(viaService.events);
      const a = history(join(dir, 'service.db'));
      expect(history(join(dir, 'engine.db'))).toEqual(a);
      expect(history(join(dir, 'other.db')).events).not.toEqual(a.events);
      const types = new Set(a.events.map((e) => (e as unknown[])[2]));
      for (const t of ['issued', 'called', 'recalled', 'serving', 'done', 'no_show', 'transferred', 'counter_opened', 'counter_paused', 'counter_resumed', 'counter_closed']) expect(types).toContain(t);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('resumes an interrupted file from the day after its last service day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luot-history-'));
    try {
      const store = openDb(join(dir, 'resumed.db'));
      const first = await generateHistory(store, { end: '2026-11-20', days: 2, seed: 5, ticketsPerDay: 200, counters: 6, path: 'engine' });
      const resumed = await generateHistory(store, { end: '2026-11-24', days: 2, seed: 5, ticketsPerDay: 200, counters: 6, path: 'engine', resume: true });
      const days = store.sqlite.prepare('SELECT DISTINCT service_day FROM tickets ORDER BY 1').pluck().all();
      const staff = store.sqlite.prepare('SELECT count(*) FROM staff').pluck().get();
      store.close();
      expect(first).toMatchObject({ from: '2026-11-19', workingDays: 2 });
      expect(resumed).toMatchObject({ from: '2026-11-21', to: '2026-11-24', workingDays: 2 });
      expect(days).toEqual(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']);
      expect(staff).toBe(1 + 1 + 6 + 1); // admin, supervisor, six officers, one stand-in: none added on resume
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
