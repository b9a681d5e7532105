import { existsSync, statfsSync, statSync } from 'node:fs';
import type { LowDisk } from '../services/live-figures.ts';

export interface DiskWatchOptions {
  /** The folder of the database; null for an in-memory database (tools, some tests). */
  dataDir: string | null;
  backupDir: string;
  /** Nearly full below this many free bytes... */
  minFreeBytes: number;
  /** ... or below this share of the disk, in percent (0: no share rule). */
  minFreePercent: number;
}

/**
 * Which of the center's disks are nearly full: the database's and the backups' (one line when both are on the same
 * disk). Read each time the supervisors' board asks (statfs is a cheap system call), so the alert goes away by
 * itself once space is freed.
 */
export function createDiskWatch(options: DiskWatchOptions): () => LowDisk[] {
  return () => {
    const seen = new Set<number>();
    const low: LowDisk[] = [];
    const places: { disk: LowDisk['disk']; path: string | null }[] = [
      { disk: 'data', path: options.dataDir },
      { disk: 'backup', path: options.backupDir },
    ];
    for (const { disk, path } of places) {
      // A backup folder not made yet (no backup taken) or an unplugged stick: nothing to measure there.
      if (path === null || !existsSync(path)) continue;
      const device = statSync(path).dev;
      if (seen.has(device)) continue;
      seen.add(device);
      const fs = statfsSync(path);
      const freeBytes = fs.bavail * fs.bsize;
      const totalBytes = fs.blocks * fs.bsize;
      const share = totalBytes > 0 ? (freeBytes / totalBytes) * 100 : 100;
      if (freeBytes < options.minFreeBytes || share < options.minFreePercent) low.push({ disk, path, freeBytes, totalBytes });
    }
    return low;
  };
}
