import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema.ts';

export type HubDb = PostgresJsDatabase<typeof schema>;

export interface HubStore {
  db: HubDb;
  /** The raw client, for the statements drizzle does not build (bulk upserts, LISTEN/NOTIFY, partitions). */
  sql: Sql;
  close(): Promise<void>;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../drizzle-hub');
/** Any fixed number: hub processes starting together take turns applying migrations. */
const MIGRATION_LOCK = 0x4c756f74;

/** int8 as a JavaScript number: ids and epoch milliseconds stay far below 2^53. */
const int8AsNumber = { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) };

export function hubClient(url: string, max = 10): Sql {
  return postgres(url, { max, onnotice: () => undefined, types: { int8AsNumber } });
}

/** Connects to the hub's PostgreSQL and applies committed migrations (server/drizzle-hub), one process at a time. */
export async function openHubDb(url: string, options: { max?: number; migrate?: boolean } = {}): Promise<HubStore> {
  const sql = hubClient(url, Math.max(2, options.max ?? 10));
  const db = drizzle(sql, { schema });
  if (options.migrate !== false) {
    // The lock is held by a connection of its own while the pool applies the migrations.
    const reserved = await sql.reserve();
    try {
      await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migrate(db, { migrationsFolder });
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      reserved.release();
    }
  }
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
