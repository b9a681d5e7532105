import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatcher, type BatchParticipant } from './write-batcher.ts';

let dir = '';
let sqlite: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-batcher-'));
  sqlite = new Database(join(dir, 'batch.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB)');
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Counts what a participant is told, like the report rollups that keep an item's share until the batch commits. */
class Ledger implements BatchParticipant {
  kept = 0;
  item = 0;
  flushed = 0;
  itemStarted(): void {
    this.item = 0;
  }
  itemEnded(committed: boolean): void {
    if (committed) this.kept += this.item;
  }
  flush(): void {
    this.flushed += this.kept;
    this.kept = 0;
  }
  batchAborted(): void {
    this.kept = 0;
  }
}

describe('group commit when the disk fills up', () => {
  it('a full database undoes the whole batch: every caller hears SQLITE_FULL, no item commits on its own, participants forget', async () => {
    const batcher = new WriteBatcher(sqlite);
    const ledger = new Ledger();
    batcher.join(ledger);
    const insert = sqlite.prepare('INSERT INTO rows (payload) VALUES (?)');
    const small = () => {
      insert.run(Buffer.alloc(10));
      ledger.item += 1;
      return 'ok';
    };
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages + 1}`);

    // small, then one too big for the space left, then small again, in one batch.
    const results = await Promise.allSettled([
      batcher.submit(small),
      batcher.submit(() => insert.run(Buffer.alloc(64 * 1024))),
      batcher.submit(small),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect(r.status === 'rejected' && (r.reason as { code?: string }).code).toBe('SQLITE_FULL');
    expect(sqlite.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 0 });
    expect(sqlite.inTransaction).toBe(false);

    // Space again: the next batch commits, and carries nothing of the one that failed.
    sqlite.pragma('max_page_count = 1073741823');
    expect(await batcher.submit(small)).toBe('ok');
    expect(sqlite.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 1 });
    expect(ledger.flushed).toBe(1);
  });
});
