import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface PendingMigrations {
  /** Migrations already in the database. */
  applied: number;
  /** Tags of the committed migrations this version will apply, oldest first. */
  tags: string[];
}

interface Journal {
  entries: { tag: string; when: number }[];
}

/** A start or a restore that would put an older program on a newer database, which it cannot read correctly. */
export class DatabaseTooNewError extends Error {
  readonly vi: string;
  constructor(readonly file: string) {
    const en = `The database ${file} was written by a newer version of Lượt than this one. Install that version (or newer) again, or restore a backup made by this version; this version will not touch the file.`;
    super(en);
    this.name = 'DatabaseTooNewError';
    this.vi = `Cơ sở dữ liệu ${file} do phiên bản Lượt mới hơn phiên bản này tạo ra. Hãy cài lại phiên bản đó (hoặc mới hơn), hoặc khôi phục một bản sao lưu do phiên bản này tạo; phiên bản này sẽ không động vào tệp.`;
  }
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * What opening this database would do: which committed migrations are pending. drizzle orders migrations by the
 * time they were generated (the journal's `when`), so a database whose latest migration is later than ours was
 * upgraded by a newer Lượt: refused, never "migrated" backwards.
 */
export function checkMigrations(sqlite: Database.Database, migrationsFolder: string): PendingMigrations {
  const journal = readJournal(migrationsFolder);
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
  if (!hasTable) return { applied: 0, tags: journal.entries.map((e) => e.tag) };
  const row = sqlite.prepare('SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations').get() as { n: number; last: number | null };
  const last = row.last === null ? -Infinity : Number(row.last);
  const newest = Math.max(...journal.entries.map((e) => e.when));
  if (last > newest) throw new DatabaseTooNewError(sqlite.name);
  return { applied: row.n, tags: journal.entries.filter((e) => e.when > last).map((e) => e.tag) };
}
