import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { inject } from 'vitest';
import { buildHubApp } from '../hub/app.ts';
import { openHubDb, type HubStore } from '../hub/db/open-hub-db.ts';
import type { HubDeps } from '../hub/http/hub-deps.ts';
import { TEST_SCRYPT_N } from './test-app.ts';

/** A fresh database copied from the suite's migrated template (see pg-global-setup.ts); dropped by `drop()`. */
export async function freshHubDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const pg = inject('pg');
  const name = `hub_${randomBytes(6).toString('hex')}`;
  const admin = postgres({ host: pg.host, port: pg.port, user: pg.user, database: 'postgres', max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${pg.template}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: `postgres://${pg.user}@${pg.host}:${pg.port}/${name}`,
    async drop() {
      const a = postgres({ host: pg.host, port: pg.port, user: pg.user, database: 'postgres', max: 1, onnotice: () => undefined });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

export interface TestHub {
  app: FastifyInstance;
  deps: HubDeps;
  store: HubStore;
  url: string;
  databaseUrl: string;
  /** Stops this hub process; the database stays (for restart tests). */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

/** A real hub on its own fresh PostgreSQL database, listening on a free port of 127.0.0.1. */
export async function startTestHub(options: { databaseUrl?: string; port?: number; clock?: { now(): number }; sweepMs?: number } = {}): Promise<TestHub> {
  const db = options.databaseUrl ? null : await freshHubDatabase();
  const databaseUrl = options.databaseUrl ?? (db as { url: string }).url;
  const store = await openHubDb(databaseUrl, { max: 5 });
  const dir = mkdtempSync(join(tmpdir(), 'luot-hub-'));
  const { app, deps } = await buildHubApp({ store, provinceName: 'Tỉnh thử nghiệm', appsRoot: dir, clock: options.clock, scryptN: TEST_SCRYPT_N, sweepMs: options.sweepMs });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('hub is not listening');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    app,
    deps,
    store,
    url: `http://127.0.0.1:${address.port}`,
    databaseUrl,
    stop,
    async dispose() {
      await stop();
      await db?.drop();
    },
  };
}
