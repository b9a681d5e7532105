import { statfsSync } from 'node:fs';
import type { BackupConfig } from '../config.ts';
import type { OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import { BackupError, listBackups, takeBackup, type BackupReason, type BackupResult } from './backup.ts';

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** A center whose PC was off at backup time gets its backup this long after the next start. */
const CATCH_UP_DELAY_MS = 5 * 60_000;

export interface DiskSpace {
  path: string;
  freeBytes: number;
  totalBytes: number;
}

export function diskSpace(path: string): DiskSpace {
  const fs = statfsSync(path);
  return { path, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
}

/** Milliseconds from `now` to the next `HH:MM` in Viet Nam time. */
export function msUntilNext(dailyAt: string, now: number): number {
  const [hh, mm] = dailyAt.split(':').map(Number);
  const localNow = now + VN_OFFSET_MS;
  const dayStart = Math.floor(localNow / DAY_MS) * DAY_MS;
  let at = dayStart + ((hh ?? 0) * 60 + (mm ?? 0)) * 60_000;
  if (at <= localNow) at += DAY_MS;
  return at - localNow;
}

/** A backup that failed, kept until one succeeds so the admin's list says so. */
export interface BackupFailure {
  at: number;
  code: string;
  message: { vi: string; en: string };
}

export interface BackupService {
  /** One backup at a time: a second request while one runs waits for it and gets its result. */
  run(reason: BackupReason): Promise<BackupResult>;
  /** When the newest backup in the folder was taken, or null. */
  lastBackupAt(): number | null;
  /** The last failure since this process started, unless a backup worked after it. */
  lastFailure(): BackupFailure | null;
  /** Daily backup at the configured time, and a catch-up soon after start when the last one is over a day old. */
  start(onError: (error: unknown) => void, onDone: (result: BackupResult) => void): void;
  stop(): void;
}

export function createBackupService(deps: { store: OpenDb; clock: Clock; config: BackupConfig }): BackupService {
  let running: Promise<BackupResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failure: BackupFailure | null = null;

  const service: BackupService = {
    run(reason) {
      running ??= takeBackup(deps.store.sqlite, { dir: deps.config.dir, reason, now: deps.clock.now(), keep: deps.config.keep })
        .then(
          (result) => {
            failure = null;
            return result;
          },
          (error: unknown) => {
            const message = error instanceof BackupError ? { vi: error.vi, en: error.message } : { vi: `Sao lưu thất bại: ${String(error)}`, en: `The backup failed: ${String(error)}` };
            failure = { at: deps.clock.now(), code: error instanceof BackupError ? error.code : 'BACKUP_FAILED', message };
            throw error;
          },
        )
        .finally(() => {
          running = null;
        });
      return running;
    },

    lastFailure: () => failure,

    lastBackupAt: () => listBackups(deps.config.dir)[0]?.takenAt ?? null,

    start(onError, onDone) {
      const schedule = (delay: number) => {
        timer = setTimeout(() => {
          service.run('daily').then(onDone, onError).finally(() => schedule(msUntilNext(deps.config.dailyAt, deps.clock.now())));
        }, delay);
        timer.unref();
      };
      const last = service.lastBackupAt();
      const overdue = last === null || deps.clock.now() - last > DAY_MS;
      const next = msUntilNext(deps.config.dailyAt, deps.clock.now());
      schedule(overdue ? Math.min(CATCH_UP_DELAY_MS, next) : next);
    },

    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
  return service;
}
