// Whether a file is a whole, sound Lượt database. Plain JavaScript so that it also runs as a worker thread beside the
// compiled server (build.mjs copies it into dist/): the check of a fresh backup reads every page, which took seconds
// on the server's event loop and held every kiosk and desk meanwhile.
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

if (!isMainThread && workerData?.verifyDatabase) {
  const { file, settle } = workerData.verifyDatabase;
  parentPort?.postMessage({ problem: databaseProblem(file, settle) });
}
