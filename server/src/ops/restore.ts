import { chownSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrationsFolder } from '../paths.ts';
import { checkMigrations } from '../db/migrations.ts';
import { BackupError, verifyDatabaseFile } from './backup.ts';
import { backupName } from './retention.ts';
import { runningServerPid } from './pid-file.ts';

export interface RestoreResult {
  restored: string;
  /** Where the database that was replaced now lives (null when there was none). */
  keptAside: string | null;
}

/**
 * Puts a backup in place of the database: refuses while a server runs on it, checks the backup on a copy beside
 * the database (so a damaged file or one from a newer Lượt is refused before anything moves), keeps the current
 * database and its WAL aside under a dated name, then renames the checked copy in.
 */
export function restoreBackup(source: string, dbFile: string, now: number): RestoreResult {
  const pid = runningServerPid(dbFile);
  if (pid !== null) {
    throw new BackupError(
      'BACKUP_FAILED',
      `Máy chủ Lượt đang chạy (pid ${pid}) trên ${dbFile}. Hãy dừng nó trước (sudo systemctl stop luot) rồi khôi phục.`,
      `The Lượt server is running (pid ${pid}) on ${dbFile}. Stop it first (sudo systemctl stop luot), then restore.`,
    );
  }
  if (!existsSync(source)) throw new BackupError('BACKUP_FAILED', `Không thấy tệp ${source}.`, `There is no file ${source}.`);
  const dir = dirname(dbFile);
  const staged = join(dir, `.restore-${basename(source)}.partial`);
  copyFileSync(source, staged);
  try {
    verifyDatabaseFile(staged, { settle: true });
    const probe = new Database(staged, { fileMustExist: true });
    try {
      checkMigrations(probe, migrationsFolder);
    } finally {
      probe.close();
    }
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }

  let keptAside: string | null = null;
  if (existsSync(dbFile)) {
    keptAside = join(dir, backupName(now, 'before-restore').replace(/\.db$/, '.db.old'));
    renameSync(dbFile, keptAside);
    // The WAL of a server that was killed holds committed changes of the old file: it goes aside with it.
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, keptAside + suffix);
  }
  renameSync(staged, dbFile);
  matchOwner(dbFile, dir);
  verifyDatabaseFile(dbFile);
  return { restored: dbFile, keptAside };
}

/** Run as root (sudo luot restore), the new file must still belong to the service user who owns the folder. */
export function matchOwner(path: string, dir: string): void {
  if (process.getuid?.() !== 0) return;
  const owner = statSync(dir);
  chownSync(path, owner.uid, owner.gid);
}
