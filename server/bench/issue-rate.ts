import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addField, addCounter, deviceToken } from '../src/test-support/fixtures.ts';
import { baseUrl, startTestServer } from '../src/test-support/test-app.ts';
import { LiveClock } from './clock.ts';
import { poster } from './http-client.ts';

export interface IssueRate {
  httpPerSec: number;
  rawPerSec: number;
  tickets: number;
}

/** Raw better-sqlite3: one durable (WAL, synchronous=FULL) insert per transaction, same machine, same run. */
function rawInserts(n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, field INTEGER, day TEXT, seq INTEGER, number TEXT, at INTEGER, UNIQUE(field, day, seq))');
  const insert = db.prepare('INSERT INTO t (field, day, seq, number, at) VALUES (?, ?, ?, ?, ?)');
  const tx = db.transaction((i: number) => insert.run(1, '2026-11-23', i, `A${i}`, Date.now()));
  const start = performance.now();
  for (let i = 0; i < n; i++) tx.immediate(i);
  const secs = (performance.now() - start) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return n / secs;
}

/** Tickets issued through the real HTTP route (auth, validation, engine, event log, announce) with keep-alive clients. */
async function httpIssues(n: number, concurrency: number): Promise<number> {
  const server = await startTestServer({ listen: true, clock: new LiveClock() });
  const fieldId = addField(server, { code: 'bench', prefix: 'A', width: 6 });
  addCounter(server, 1, [fieldId]);
  const kiosk = deviceToken(server, 'kiosk');
  const client = poster(baseUrl(server), concurrency);
  const body = JSON.stringify({ fieldId });
  const headers = { authorization: `Bearer ${kiosk}` };
  let sent = 0;
  const worker = async () => {
    while (sent < n) {
      sent += 1;
      const res = await client.post('/api/tickets', body, headers);
      if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${res.text}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - start) / 1000;
  client.close();
  await server.dispose();
  return n / secs;
}

export async function issueRate(n = 5000, concurrency = 16): Promise<IssueRate> {
  const rawPerSec = rawInserts(n);
  const httpPerSec = await httpIssues(n, concurrency);
  return { httpPerSec, rawPerSec, tickets: n };
}
