import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import type { BackupList, ErrorBody } from '@luot/shared';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { BackupError, listBackups, takeBackup, takeBackupNow, verifyDatabaseFile, verifyDatabaseFileOffThread } from './backup.ts';
import { restoreBackup } from './restore.ts';

const keep = { daily: 7, weekly: 4, monthly: 12 };
let server: TestServer | null = null;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'luot-backup-'));
  dirs.push(d);
  return d;
};

afterEach(async () => {
  await server?.dispose();
  server = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('online backup', () => {
  it('taken while tickets are issued, restored into a fresh folder, holds every ticket acknowledged before it began', async () => {
    server = await startTestServer();
    const { fieldA, kiosk } = await smallCenter(server);
    // Some megabytes of history, so the backup API copies in many steps with issuing in between.
    server.store.sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO events (at, type, data) SELECT 0, 'test_history', json_object('pad', hex(randomblob(150))) FROM n`);

    const acknowledged: number[] = [];
    let backupStarted = false;
    let during = 0;
    let stop = false;
    const running = server;
    const load = (async () => {
      while (!stop) {
        const res = await issue(running, kiosk, fieldA);
        expect(res.statusCode).toBe(201);
        if (!backupStarted) acknowledged.push(res.json<{ ticket: { id: number } }>().ticket.id);
        else during += 1;
      }
    })();
    while (acknowledged.length < 20) await new Promise((r) => setImmediate(r));
    backupStarted = true;
    const result = await server.deps.backups.run('manual');
    stop = true;
    await load;
    expect(during).toBeGreaterThan(0);

    const fresh = tempDir();
    const restored = restoreBackup(result.file, join(fresh, 'luot.db'), Date.now());
    expect(restored.keptAside).toBeNull();
    const store = openDb(restored.restored);
    try {
      const ids = new Set((store.sqlite.prepare('SELECT id FROM tickets').all() as { id: number }[]).map((r) => r.id));
      expect(ids.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(store.sqlite.prepare("SELECT count(*) AS n FROM events WHERE type = 'test_history'").get()).toEqual({ n: 20000 });
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      store.close();
    }
  }, 60_000);

  it('is a single checked file named for its time and reason, and the admin can list and take one', async () => {
    server = await startTestServer();
    const { admin, supervisor } = await smallCenter(server);
    const taken = await server.app.inject({ method: 'POST', url: '/api/admin/backups', headers: bearer(admin) });
    expect(taken.statusCode).toBe(201);
    const body = taken.json<{ backup: { name: string; reason: string; bytes: number } }>();
    expect(body.backup.name).toMatch(/^luot-\d{4}-\d{2}-\d{2}T\d{6}-manual\.db$/);
    const dir = join(server.dir, 'backups');
    expect(readdirSync(dir).sort()).toEqual([body.backup.name, `${body.backup.name}.check.json`]);
    expect(statSync(join(dir, body.backup.name)).size).toBe(body.backup.bytes);
    verifyDatabaseFile(join(dir, body.backup.name));

    // A file put in the folder by hand has no recorded check: the list says so instead of vouching for it.
    const byHand = 'luot-2026-01-05T120000-manual.db';
    copyFileSync(join(dir, body.backup.name), join(dir, byHand));
    const list = (await server.app.inject({ method: 'GET', url: '/api/admin/backups', headers: bearer(admin) })).json<BackupList>();
    expect(list).toMatchObject({ dir, lastFailure: null });
    expect(list.backups.map((b) => [b.name, b.reason, b.check.verdict])).toEqual([
      [body.backup.name, 'manual', 'ok'],
      [byHand, 'manual', 'unknown'],
    ]);
    expect(Date.parse(list.backups[0]?.check.checkedAt ?? '')).toBeGreaterThan(0);
    expect((await server.app.inject({ method: 'POST', url: '/api/admin/backups', headers: bearer(supervisor) })).statusCode).toBe(403);
  });

  it('a backup disk that cannot be written gives a clear error, and the list shows the failure until a backup works', async () => {
    const dir = tempDir();
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the backup folder should be');
    server = await startTestServer({ backup: { dir: blocked, dailyAt: '12:15', keep, minFreeBytes: 0, minFreePercent: 0 } });
    const { admin } = await smallCenter(server);
    const failed = await server.app.inject({ method: 'POST', url: '/api/admin/backups', headers: bearer(admin) });
    expect(failed.statusCode).toBe(500);
    expect(failed.json<ErrorBody>().code).toBe('BACKUP_FAILED');
    const list = (await server.app.inject({ method: 'GET', url: '/api/admin/backups', headers: bearer(admin) })).json<BackupList>();
    expect(list.lastFailure).toMatchObject({ code: 'BACKUP_FAILED', message: { vi: expect.stringContaining('ổ sao lưu') as string } });

    rmSync(blocked);
    expect((await server.app.inject({ method: 'POST', url: '/api/admin/backups', headers: bearer(admin) })).statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/api/admin/backups', headers: bearer(admin) })).json<BackupList>().lastFailure).toBeNull();
  });

  it('a damaged backup is detected and refused by restore, and the database in place is left as it was', async () => {
    const dir = tempDir();
    const store = openDb(join(dir, 'luot.db'));
    store.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '\"kept\"', 1)");
    const good = takeBackupNow(store.sqlite, { dir: join(dir, 'backups'), reason: 'command', now: Date.now(), keep });
    store.close();

    const broken = join(dir, 'broken.db');
    const bytes = statSync(good.file).size;
    // Overwrite the middle of the file (table and index pages) with garbage.
    copyFileSync(good.file, broken);
    const fd = openSync(broken, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(bytes / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => verifyDatabaseFile(broken)).toThrow(BackupError);

    const truncated = join(dir, 'truncated.db');
    copyFileSync(good.file, truncated);
    const { truncateSync } = await import('node:fs');
    truncateSync(truncated, Math.floor(bytes / 3));
    expect(() => verifyDatabaseFile(truncated)).toThrow(BackupError);

    for (const bad of [broken, truncated]) {
      expect(() => restoreBackup(bad, join(dir, 'luot.db'), Date.now())).toThrow(/damaged|hỏng/);
    }
    const after = new Database(join(dir, 'luot.db'), { readonly: true });
    expect(after.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"kept"' });
    after.close();
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('the server checks its backups off the event loop: the loop keeps turning while the check runs, and a damaged copy is still refused', async () => {
    const dir = tempDir();
    const store = openDb(join(dir, 'luot.db'));
    const good = takeBackupNow(store.sqlite, { dir: join(dir, 'backups'), reason: 'command', now: Date.now(), keep });
    store.close();
    // A check on this thread would finish before any of these turns could run (it was 16 s of a stalled server).
    let turns = 0;
    let checking = true;
    const turn = () => {
      if (!checking) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    await verifyDatabaseFileOffThread(good.file);
    checking = false;
    expect(turns).toBeGreaterThan(0);

    const truncated = join(dir, 'truncated.db');
    copyFileSync(good.file, truncated);
    const { truncateSync } = await import('node:fs');
    truncateSync(truncated, Math.floor(statSync(good.file).size / 3));
    await expect(verifyDatabaseFileOffThread(truncated)).rejects.toThrow(BackupError);
  });

  it('the server copies its backup off the event loop: the copy grows while this thread is held, and holds what was committed', async () => {
    const dir = tempDir();
    const store = openDb(join(dir, 'luot.db'));
    store.sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO events (at, type, data) SELECT 0, 'test_history', json_object('pad', hex(randomblob(150))) FROM n`);
    const backups = join(dir, 'backups');
    const running = takeBackup(store.sqlite, { dir: backups, reason: 'manual', now: Date.now(), keep });
    // Hold this thread, as a long request would. A copy made in steps on this thread (SQLite's backup API, as
    // before) cannot get past its first 256 KiB meanwhile; a copy on its own thread reaches megabytes.
    const partialSize = () => {
      const name = readdirSync(backups).find((n) => n.endsWith('.partial'));
      return name === undefined ? 0 : statSync(join(backups, name)).size;
    };
    const giveUp = Date.now() + 60_000;
    while (partialSize() < 1_000_000 && Date.now() < giveUp);
    expect(partialSize()).toBeGreaterThanOrEqual(1_000_000);
    const result = await running;
    store.close();
    const copy = new Database(result.file, { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) AS n FROM events WHERE type = 'test_history'").get()).toEqual({ n: 20000 });
    } finally {
      copy.close();
    }
    expect(readdirSync(backups).filter((n) => n.includes('partial'))).toEqual([]);
  }, 90_000);

  it('restore keeps the replaced database aside and puts the backup in its place', async () => {
    const dir = tempDir();
    const store = openDb(join(dir, 'luot.db'));
    store.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '\"old\"', 1)");
    const backup = takeBackupNow(store.sqlite, { dir: join(dir, 'backups'), reason: 'command', now: Date.now(), keep });
    store.sqlite.exec("UPDATE settings SET value = '\"newer\"' WHERE key = 'probe'");
    store.close();

    const result = restoreBackup(backup.file, join(dir, 'luot.db'), Date.now());
    expect(result.keptAside).not.toBeNull();
    const restored = new Database(join(dir, 'luot.db'), { readonly: true });
    expect(restored.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"old"' });
    restored.close();
    const aside = new Database(result.keptAside!, { readonly: true });
    expect(aside.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '"newer"' });
    aside.close();
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
    expect(existsSync(join(dir, 'luot.db-wal'))).toBe(false);
  });
});
