/** SQLite's "database or disk is full", or a file write that found no space: not a bug, a full disk. */
export function isStorageFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Runs a bookkeeping write (a session's sliding expiry, a screen's last-seen time) that is not worth failing the
 * request, or crashing a heartbeat, over when the disk is full. Any other error still surfaces.
 */
export function unlessStorageFull(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (!isStorageFull(error)) throw error;
  }
}
