import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Bookkeeping any authenticated request may touch: sliding expiries and last-seen times. */
const bookkeeping: Record<string, readonly string[]> = {
  sessions: ['expires_at'],
  devices: ['last_seen_at', 'token_expires_at'],
};

/**
 * A fingerprint of everything the center holds, every table (new ones included without asking) but the
 * migration log and the bookkeeping above. Equal before and after a request means it changed nothing.
 */
export function stateDigest(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const skip = bookkeeping[table] ?? [];
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (skip.includes(column)) continue;
        hash.update(`${column}=${Buffer.isBuffer(value) ? value.toString('base64') : String(value)};`);
      }
      hash.update('\n');
    }
  }
  return hash.digest('base64');
}
