import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportGroupBy } from '@luot/shared';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../scripts/history/generate.ts';
import { listBackups, takeBackupNow } from '../ops/backup.ts';
import { migrationsFolder } from '../paths.ts';
import { rebuildRollups } from '../reports/events-source.ts';
import { createReportService } from '../reports/report-service.ts';
import { createConfigCache } from './config-cache.ts';
import { checkMigrations, DatabaseTooNewError, readJournal } from './migrations.ts';
import { openDb, type OpenDb } from './open-db.ts';

let dir: string;
const clock = { now: () => Date.parse('2026-11-25T03:00:00Z') };
const groupings: ReportGroupBy[] = ['field', 'counter', 'officer', 'hour', 'day'];
const range = { from: '2026-11-23', to: '2026-11-24' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-upgrade-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrations folder holding only the first `count` committed migrations: the schema of an early release. */
function firstMigrations(count: number, extra?: { tag: string; sql: string }): string {
  const folder = join(dir, `migrations-${count}${extra ? '-broken' : ''}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = readJournal(migrationsFolder);
  const entries = journal.entries.slice(0, count);
  for (const e of entries) copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  if (extra) {
    writeFileSync(join(folder, `${extra.tag}.sql`), extra.sql);
    entries.push({ ...entries[entries.length - 1]!, idx: entries.length, tag: extra.tag, when: Math.max(...journal.entries.map((e) => e.when)) + 1000 } as (typeof entries)[number]);
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

const columns = (db: Database.Database, schema: string, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((c) => c.name);

async function reportsOf(store: OpenDb) {
  const reports = createReportService({ store, clock, config: createConfigCache(store) });
  const out: Record<string, unknown> = {};
  for (const groupBy of groupings) out[groupBy] = await reports.report({ ...range, groupBy });
  return out;
}

describe('upgrading a database made by the first released schema', () => {
  it('keeps its real history: the reports give the same figures before and after, and a backup was taken first', async () => {
    // Real history, written through the queue service of today's code.
    const current = openDb(join(dir, 'current.db'));
    await generateHistory(current, { end: range.to, days: 2, seed: 11, ticketsPerDay: 250, counters: 6, path: 'service' });
    // Ratings came after the first release; an early database cannot hold them.
    current.sqlite.exec('DELETE FROM ratings');
    rebuildRollups(current.db);
    const expected = await reportsOf(current);
    current.close();

    // The same history in a database built from migration 0000 only, as the first release left it.
    const oldFile = join(dir, 'first-release.db');
    const old = new Database(oldFile);
    old.pragma('journal_mode = WAL');
    migrate(drizzle(old), { migrationsFolder: firstMigrations(1) });
    old.exec(`ATTACH '${join(dir, 'current.db')}' AS src`);
    for (const table of ['fields', 'counters', 'counter_fields', 'staff', 'settings', 'tickets', 'events']) {
      const shared = columns(old, 'main', table).filter((c) => columns(old, 'src', table).includes(c));
      const list = shared.map((c) => `"${c}"`).join(', ');
      old.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM src."${table}"`);
    }
    old.exec('DETACH src');
    // Before the upgrade, plainly from the old tables: numbers issued per day and tickets finished per field.
    const issuedBefore = old.prepare('SELECT service_day AS day, count(*) AS n FROM tickets GROUP BY 1 ORDER BY 1').all() as { day: string; n: number }[];
    const servedBefore = old.prepare("SELECT field_id AS field, count(*) AS n FROM events WHERE type = 'done' GROUP BY 1 ORDER BY 1").all() as { field: number; n: number }[];
    expect(checkMigrations(old, migrationsFolder).applied).toBe(1);
    old.close();

    const upgraded = openDb(oldFile, {
      beforeMigrate: (sqlite, pending) => {
        expect(pending.applied).toBe(1);
        expect(pending.tags.length).toBe(readJournal(migrationsFolder).entries.length - 1);
        takeBackupNow(sqlite, { dir: join(dir, 'backups'), reason: 'before-upgrade', now: clock.now(), keep: { daily: 7, weekly: 4, monthly: 12 } });
      },
    });
    try {
      const after = await reportsOf(upgraded);
      expect(after).toEqual(expected);
      const byDay = after.day as { rows: { key: string; issued: number | null }[] };
      expect(byDay.rows.map((r) => ({ day: r.key, n: r.issued }))).toEqual(issuedBefore);
      expect(issuedBefore.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(400);
      const byField = after.field as { rows: { key: number; served: number }[] };
      expect(servedBefore.length).toBeGreaterThan(0);
      for (const { field, n } of servedBefore) expect(byField.rows.find((r) => r.key === field)?.served).toBe(n);
    } finally {
      upgraded.close();
    }
    const [taken] = listBackups(join(dir, 'backups'));
    expect(taken?.reason).toBe('before-upgrade');
    const copy = new Database(taken!.file, { readonly: true });
    expect(checkMigrations(copy, firstMigrations(1)).tags).toEqual([]);
    copy.close();
  }, 180_000);

  it('a database written by a newer Lượt is refused and left exactly as it was', () => {
    const file = join(dir, 'newer.db');
    const store = openDb(file);
    const newest = Math.max(...readJournal(migrationsFolder).entries.map((e) => e.when));
    store.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', newest + 86_400_000);
    store.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(() => openDb(file)).toThrow(DatabaseTooNewError);
    expect(() => openDb(file)).toThrow(/newer version of Lượt/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('a migration that fails part-way leaves the old schema and data untouched', () => {
    const file = join(dir, 'failing.db');
    const count = readJournal(migrationsFolder).entries.length;
    const store = openDb(file);
    store.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '\"before\"', 1)");
    store.close();
    const sqlite = new Database(file);
    const broken = firstMigrations(count, {
      tag: '9999_broken',
      sql: "CREATE TABLE `half_done` (`id` integer);--> statement-breakpoint\nUPDATE settings SET value = '\"changed\"';--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);",
    });
    expect(() => migrate(drizzle(sqlite), { migrationsFolder: broken })).toThrow(/no_such_table/);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"before"' });
    expect(checkMigrations(sqlite, migrationsFolder)).toEqual({ applied: count, tags: [] });
    sqlite.close();
  });
});
