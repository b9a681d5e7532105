// Whether a file is a whole, sound Lượt database, and the server's backup copy. Plain JavaScript so that it also runs
// as a worker thread beside the compiled server (build.mjs copies it into dist/): the copy, its check (which reads
// every page) and its flush to disk took seconds on the server's event loop and held every kiosk and desk meanwhile.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * What is wrong with `file`, in words, or null when SQLite opens it, `PRAGMA integrity_check` says ok and it has
 * Lượt's migration table. `settle` also turns a fresh copy into a single self-contained file (no -wal beside it).
 */
export function databaseProblem(file, settle) {
  let db = null;
  try {
    db = new Database(file, { fileMustExist: true, readonly: !settle });
    if (settle) db.pragma('journal_mode = DELETE');
    const verdict = db
      .pragma('integrity_check')
      .map((row) => row.integrity_check)
      .join('; ');
    if (verdict !== 'ok') return verdict;
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get() === undefined) return 'not a Lượt database (no migrations table)';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database at `source` into `target` through this thread's own read connection (`VACUUM INTO`: one
 * consistent snapshot of what was committed; in WAL mode the server goes on writing meanwhile), checks the copy and
 * flushes it to disk. Null when all went well, else the stage that failed and why.
 */
export function copyDatabase(source, target) {
  let db = null;
  try {
    db = new Database(source, { fileMustExist: true, readonly: true });
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    return { stage: 'copy', problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
  const problem = databaseProblem(target, true);
  if (problem !== null) return { stage: 'check', problem };
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return null;
}

if (!isMainThread && workerData?.verifyDatabase) {
  const { file, settle } = workerData.verifyDatabase;
  parentPort?.postMessage({ problem: databaseProblem(file, settle) });
}
if (!isMainThread && workerData?.copyDatabase) {
  const { source, target } = workerData.copyDatabase;
  parentPort?.postMessage({ failed: copyDatabase(source, target) });
}
