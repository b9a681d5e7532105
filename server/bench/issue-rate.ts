import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addField, addCounter, deviceToken } from '../src/test-support/fixtures.ts';
import { baseUrl, startTestServer } from '../src/test-support/test-app.ts';
import { LiveClock } from './clock.ts';
import { Worker } from 'node:worker_threads';

export interface IssueRate {
  httpPerSec: number;
  rawPerSec: number;
  tickets: number;
  concurrency: number;
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

/** Tickets issued through the real HTTP route (auth, validation, engine, event log, announce), load from a worker thread. */
async function httpIssues(n: number, concurrency: number, workers: number): Promise<number> {
  const server = await startTestServer({ listen: true, clock: new LiveClock() });
  const fieldId = addField(server, { code: 'bench', prefix: 'A', width: 6 });
  addCounter(server, 1, [fieldId]);
  const kiosk = deviceToken(server, 'kiosk');
  const base = baseUrl(server);
  const lanes = Array.from({ length: workers }, () =>
    runWorker({
      base,
      path: '/api/tickets',
      body: JSON.stringify({ fieldId }),
      headers: { authorization: `Bearer ${kiosk}` },
      total: Math.ceil(n / workers),
      concurrency: Math.ceil(concurrency / workers),
      expectStatus: 201,
    }),
  );
  const t0 = performance.now();
  await Promise.all(lanes);
  const ms = performance.now() - t0;
  await server.dispose();
  return (Math.ceil(n / workers) * workers) / (ms / 1000);
}

export async function issueRate(n = 6000, concurrency = 32, workers = 1): Promise<IssueRate> {
  const rawPerSec = rawInserts(n);
  const httpPerSec = await httpIssues(n, concurrency, workers);
  return { httpPerSec, rawPerSec, tickets: n, concurrency };
}

async function runWorker(workerData: Record<string, unknown>): Promise<void> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData });
  const result = await new Promise<{ ok: boolean; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (!result.ok) throw new Error(`load failed: ${result.error ?? 'unknown'}`);
}
