import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `luot.pid` beside the database: which process serves it, so `luot restore` can refuse while it runs. */
export const pidFileOf = (dbFile: string) => join(dirname(dbFile), 'luot.pid');

export function writePidFile(dbFile: string): void {
  writeFileSync(pidFileOf(dbFile), `${process.pid}\n`);
}

export function removePidFile(dbFile: string): void {
  if (runningServerPid(dbFile) === process.pid) rmSync(pidFileOf(dbFile), { force: true });
}

/**
 * The pid of a live server on this database, or null. A pid file left by a killed server (power cut, SIGKILL)
 * names a process that no longer exists and counts as nothing running.
 */
export function runningServerPid(dbFile: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFileOf(dbFile), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `luot` service user): it runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
