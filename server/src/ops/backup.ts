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

/** Runs one job of verify-db.mjs on a worker thread and resolves with its answer; a worker that dies answers `lost`. */
function onWorker<T>(job: Record<string, unknown>, lost: (detail: string) => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-db.mjs', import.meta.url), { workerData: job });
    let answered = false;
    worker.once('message', (message: T) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', (error) => reject(lost(error.message)));
    worker.once('exit', (code) => {
      if (!answered) reject(lost(`the worker stopped (exit ${code})`));
    });
  });
}

/**
 * The same check on a worker thread: `integrity_check` reads every page of the copy, seconds on a large database,
 * and the event loop must keep serving kiosks and desks meanwhile.
 */
export async function verifyDatabaseFileOffThread(file: string, options: { settle?: boolean } = {}): Promise<void> {
  const { problem } = await onWorker<{ problem: string | null }>({ verifyDatabase: { file, settle: options.settle ?? false } }, (detail) => corrupt(file, detail));
  if (problem !== null) throw corrupt(file, problem);
}

function corrupt(file: string, detail: string): BackupError {
  return new BackupError(
    'BACKUP_CORRUPT',
    `Tệp ${file} bị hỏng hoặc không phải cơ sở dữ liệu Lượt (${detail}). Hãy dùng một bản sao lưu khác.`,
    `${file} is damaged or not a Lượt database (${detail}). Use another backup.`,
  );
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
 * The server's own backup while the center works: copied, checked and flushed to disk on a worker thread through
 * its own read connection (`VACUUM INTO`, one consistent snapshot of everything committed when it starts; WAL lets
 * the server write meanwhile). Copying in steps on the event loop (SQLite's backup API) still stalled it for over a
 * second at the copy's final flush on a four-year database.
 */
export async function takeBackup(sqlite: Database.Database, options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  ensureSpace(sqlite, backupDir(options.dir));
  const partial = partialPath(options);
  rmSync(partial, { force: true });
  const failedWith = (detail: string) => new BackupError('BACKUP_FAILED', `Sao lưu thất bại: ${detail}`, `The backup failed: ${detail}`);
  try {
    const { failed } = await onWorker<{ failed: { stage: 'copy' | 'check'; problem: string } | null }>(
      { copyDatabase: { source: sqlite.name, target: partial } },
      failedWith,
    );
    if (failed) throw failed.stage === 'copy' ? failedWith(failed.problem) : corrupt(partial, failed.problem);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return finish(partial, options, started);
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
