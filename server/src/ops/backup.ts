import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { databaseProblem } from './verify-db.mjs';
import { backupName, backupsToKeep, parseBackupName, type BackupEntry, type KeepRule } from './retention.ts';

export type BackupReason = 'daily' | 'manual' | 'before-upgrade' | 'command';

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
  /** Older backups removed by the retention rule after this one was checked. */
  deleted: string[];
}

export type BackupProblem = 'BACKUP_NO_SPACE' | 'BACKUP_CORRUPT' | 'BACKUP_FAILED';

/** A backup that could not be made or a file that is not a sound Lượt database; says what to do in both languages. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupProblem,
    readonly vi: string,
    en: string,
  ) {
    super(en);
    this.name = 'BackupError';
  }
}

export interface BackupOptions {
  dir: string;
  reason: BackupReason;
  now: number;
  keep: KeepRule;
}

/** Room for the copy plus a margin, so a backup never fills the disk the database needs to keep working. */
function ensureSpace(sqlite: Database.Database, dir: string): void {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const needed = pages * pageSize * 1.1 + 16 * 1024 * 1024;
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  if (free < needed) {
    const mb = (n: number) => Math.ceil(n / 1024 / 1024);
    throw new BackupError(
      'BACKUP_NO_SPACE',
      `Không đủ chỗ trong ${dir} để sao lưu: cần ${mb(needed)} MB, còn ${mb(free)} MB. Hãy giải phóng chỗ hoặc cắm ổ sao lưu khác.`,
      `Not enough space in ${dir} for a backup: ${mb(needed)} MB needed, ${mb(free)} MB free. Free some space or plug in another backup disk.`,
    );
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that `file` is a whole, sound Lượt database: SQLite opens it, `PRAGMA integrity_check` says ok and it has
 * Lượt's migration table. `settle` also turns a fresh copy into a single self-contained file (no -wal beside it).
 */
export function verifyDatabaseFile(file: string, options: { settle?: boolean } = {}): void {
  const problem = databaseProblem(file, options.settle ?? false);
  if (problem !== null) throw corrupt(file, problem);
}

/**
 * The same check on a worker thread, for the server's own backups: `integrity_check` reads every page of the copy,
 * seconds on a large database, and the event loop must keep serving kiosks and desks meanwhile.
 */
export function verifyDatabaseFileOffThread(file: string, options: { settle?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-db.mjs', import.meta.url), { workerData: { verifyDatabase: { file, settle: options.settle ?? false } } });
    let answered = false;
    worker.once('message', (message: { problem: string | null }) => {
      answered = true;
      if (message.problem === null) resolve();
      else reject(corrupt(file, message.problem));
    });
    worker.once('error', (error) => reject(corrupt(file, error.message)));
    worker.once('exit', (code) => {
      if (!answered) reject(corrupt(file, `the check stopped (exit ${code})`));
    });
  });
}

function corrupt(file: string, detail: string): BackupError {
  return new BackupError(
    'BACKUP_CORRUPT',
    `Tệp ${file} bị hỏng hoặc không phải cơ sở dữ liệu Lượt (${detail}). Hãy dùng một bản sao lưu khác.`,
    `${file} is damaged or not a Lượt database (${detail}). Use another backup.`,
  );
}

/** Checks the copy at `partial` (on this thread, or off it when `check` is given), then `finish`es it. */
async function checkThenFinish(partial: string, options: BackupOptions, started: number, check: (file: string) => Promise<void>): Promise<BackupResult> {
  try {
    await check(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return finish(partial, options, started);
}

/** Gives the checked copy at `partial` its final name atomically and applies the retention rule. */
function finish(partial: string, options: BackupOptions, started: number): BackupResult {
  try {
    fsyncPath(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const file = join(options.dir, backupName(options.now, options.reason));
  renameSync(partial, file);
  // The check's result beside the file, for the admin's backup list (a file copied in by hand has none).
  // On the server's clock, like the backup's name (options.now), plus the time the copy and check took.
  const check: CheckRecord = { integrity: 'ok', checkedAt: new Date(options.now + (Date.now() - started)).toISOString() };
  writeFileSync(checkFile(file), JSON.stringify(check));
  fsyncPath(options.dir);
  const deleted = prune(options.dir, options.keep);
  return { file, bytes: statSync(file).size, durationMs: Date.now() - started, deleted };
}

/** The backup folder, made if need be; an unplugged or read-only backup disk is said in words, not as a crash. */
function backupDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(
      'BACKUP_FAILED',
      `Không ghi được vào thư mục sao lưu ${dir} (${detail}). Hãy kiểm tra ổ sao lưu đã được cắm và còn ghi được.`,
      `Cannot write to the backup folder ${dir} (${detail}). Check that the backup disk is plugged in and writable.`,
    );
  }
}

function partialPath(options: BackupOptions): string {
  backupDir(options.dir);
  return join(options.dir, `.${backupName(options.now, options.reason)}.partial`);
}

/**
 * An online backup through SQLite's backup API while the center works: pages are copied a few at a time between
 * other work on the event loop, and writes made meanwhile on this connection reach the copy too. The copy is
 * checked before it counts as a backup.
 */
export async function takeBackup(sqlite: Database.Database, options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  ensureSpace(sqlite, backupDir(options.dir));
  const partial = partialPath(options);
  try {
    // 64 pages (256 KiB) a step keeps each step to a few milliseconds, well under the 50 ms issuing may wait.
    await sqlite.backup(partial, { progress: () => 64 });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError('BACKUP_FAILED', `Sao lưu thất bại: ${String(error)}`, `The backup failed: ${String(error)}`);
  }
  return checkThenFinish(partial, options, started, (file) => verifyDatabaseFileOffThread(file, { settle: true }));
}

/**
 * A backup in one statement (`VACUUM INTO`): for the `luot backup` command, which runs beside the server in its own
 * process (the backup API would restart each time the server writes), and for the copy before an upgrade, taken
 * before anything else runs. In WAL mode it reads one consistent snapshot and never blocks the server's writes.
 */
export function takeBackupNow(sqlite: Database.Database, options: BackupOptions): BackupResult {
  const started = Date.now();
  ensureSpace(sqlite, backupDir(options.dir));
  const partial = partialPath(options);
  rmSync(partial, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError('BACKUP_FAILED', `Sao lưu thất bại: ${String(error)}`, `The backup failed: ${String(error)}`);
  }
  // Nothing else runs in this process meanwhile (a command, or the copy before an upgrade): checked on this thread.
  try {
    verifyDatabaseFile(partial, { settle: true });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return finish(partial, options, started);
}

/** What `finish()` records beside a backup once `PRAGMA integrity_check` said ok on the copy. */
interface CheckRecord {
  integrity: 'ok';
  checkedAt: string;
}
const checkFile = (backup: string) => `${backup}.check.json`;

function readCheck(backup: string): CheckRecord | null {
  try {
    const record = JSON.parse(readFileSync(checkFile(backup), 'utf8')) as Partial<CheckRecord>;
    return record.integrity === 'ok' && typeof record.checkedAt === 'string' ? { integrity: 'ok', checkedAt: record.checkedAt } : null;
  } catch {
    return null;
  }
}

export interface BackupFile extends BackupEntry {
  file: string;
  bytes: number;
  /** The integrity check recorded when the backup was made, or null (no record: copied in by hand, or 0.2.0). */
  check: CheckRecord | null;
}

/** The backups in a folder, newest first (files not named by Lượt are left alone). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => parseBackupName(n))
    .filter((e): e is BackupEntry => e !== null)
    .map((e) => ({ ...e, file: join(dir, e.name), bytes: statSync(join(dir, e.name)).size, check: readCheck(join(dir, e.name)) }))
    .sort((a, b) => b.takenAt - a.takenAt);
}

function prune(dir: string, rule: KeepRule): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all, rule);
  const deleted = all.filter((b) => !keep.has(b.name));
  for (const b of deleted) {
    rmSync(b.file, { force: true });
    rmSync(checkFile(b.file), { force: true });
  }
  return deleted.map((b) => b.name);
}
