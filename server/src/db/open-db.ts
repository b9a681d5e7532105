import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder } from '../paths.ts';
import { checkMigrations, type PendingMigrations } from './migrations.ts';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDb {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}


/**
 * Opens (creating if needed) the SQLite file and applies committed migrations.
 * WAL lets readers (snapshots, reports) run beside the writer; synchronous=FULL makes every ticket
 * change durable at commit, which the product promises before it prints or announces anything.
 */
export interface OpenOptions {
  /**
   * Runs before migrations are applied to a database that already holds data (the automatic backup before an
   * upgrade). Throwing stops the start with the database untouched.
   */
  beforeMigrate?: (sqlite: Database.Database, pending: PendingMigrations) => void;
}

export function openDb(file: string, options: OpenOptions = {}): OpenDb {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Personal data and one-time codes that are blanked or deleted must not linger in the file's free space; FAST
  // zeroes them where that costs no extra I/O (the pages are written anyway).
  sqlite.pragma('secure_delete = FAST');
  const db = drizzle(sqlite, { schema });
  try {
    // Refuses a database written by a newer Lượt before touching it. drizzle applies the pending migrations in one
    // transaction, so a failing migration rolls back and leaves the old schema as it was.
    const pending = checkMigrations(sqlite, migrationsFolder);
    if (pending.tags.length > 0 && pending.applied > 0) options.beforeMigrate?.(sqlite, pending);
    migrate(db, { migrationsFolder });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db, sqlite, close: () => sqlite.close() };
}
