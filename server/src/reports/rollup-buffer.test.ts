import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type OpenDb } from '../db/open-db.ts';
import { WriteBatcher } from '../db/write-batcher.ts';
import { DayCells } from './cells.ts';
import { RollupBuffer } from './rollup-buffer.ts';

let dir: string;
let store: OpenDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-rollup-buffer-'));
  store = openDb(join(dir, 'luot.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const issuedAt = Date.parse('2026-11-23T02:00:00Z'); // 09:00 in Viet Nam

/** One issued ticket of field 1, and a first call after `waitMs`. */
function cells(waitMs: number | null): DayCells {
  const c = new DayCells();
  const ticket = { serviceDay: '2026-11-23', issuedAt };
  c.add(ticket, { field: 1, counter: 0, officer: 0, count: 'issued', duration: null }, () => 30 * 60_000);
  if (waitMs !== null) c.add(ticket, { field: 1, counter: 2, officer: 3, count: 'called', duration: { name: 'wait', ms: waitMs } }, () => 30 * 60_000);
  return c;
}

const stored = () =>
  store.sqlite.prepare(`SELECT dim, key, issued, called, within_target AS withinTarget, length(wait_ms) / 4 AS waits FROM report_days ORDER BY dim, key`).all();

describe('report rollups written once per group-commit batch', () => {
  it('writes the committed items of a batch together, and nothing of an item that rolled back', async () => {
    const batcher = new WriteBatcher(store.sqlite);
    const buffer = new RollupBuffer(store.db);
    batcher.join(buffer);
    const results = await Promise.allSettled([
      batcher.submit(() => buffer.add(cells(60_000))),
      batcher.submit(() => {
        buffer.add(cells(40 * 60_000));
        throw new Error('refused after folding');
      }),
      batcher.submit(() => buffer.add(cells(null))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored()).toEqual([
      { dim: 'counter', key: 0, issued: 2, called: 0, withinTarget: 0, waits: 0 },
      { dim: 'counter', key: 2, issued: 0, called: 1, withinTarget: 1, waits: 1 },
      { dim: 'field', key: 1, issued: 2, called: 1, withinTarget: 1, waits: 1 },
      { dim: 'hour', key: 9, issued: 2, called: 1, withinTarget: 1, waits: 1 },
      { dim: 'officer', key: 0, issued: 2, called: 0, withinTarget: 0, waits: 0 },
      { dim: 'officer', key: 3, issued: 0, called: 1, withinTarget: 1, waits: 1 },
    ]);
  });

  it('adds to the stored rows batch after batch, and writes at once outside a batch', async () => {
    const batcher = new WriteBatcher(store.sqlite);
    const buffer = new RollupBuffer(store.db);
    batcher.join(buffer);
    await batcher.submit(() => buffer.add(cells(60_000)));
    await batcher.submit(() => buffer.add(cells(120_000)));
    buffer.add(cells(null));
    expect(stored()).toContainEqual({ dim: 'field', key: 1, issued: 3, called: 2, withinTarget: 2, waits: 2 });
  });
});
