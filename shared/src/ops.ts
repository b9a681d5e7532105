import { Type, type Static } from 'typebox';

/** One backup file in the backup folder. */
export const BackupView = Type.Object({
  name: Type.String(),
  takenAt: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  bytes: Type.Integer(),
  /**
   * The integrity check of the copy, made before it got its name: 'ok' (PRAGMA integrity_check said ok and it is a
   * Lượt database) with when it ran; 'unknown' for a file with no recorded check (copied in by hand, or 0.2.0).
   */
  check: Type.Object({
    verdict: Type.Union([Type.Literal('ok'), Type.Literal('unknown')]),
    checkedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
});
export type BackupView = Static<typeof BackupView>;

export const BackupList = Type.Object({
  dir: Type.String(),
  /** Free space on the backup disk. */
  freeBytes: Type.Integer(),
  /** Daily backup time, HH:MM in Viet Nam time. */
  dailyAt: Type.String(),
  backups: Type.Array(BackupView),
  /** The last backup that failed since the server started (daily, before an upgrade or on request), if no later one worked. */
  lastFailure: Type.Union([
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      code: Type.String(),
      message: Type.Object({ vi: Type.String(), en: Type.String() }),
    }),
    Type.Null(),
  ]),
});
export type BackupList = Static<typeof BackupList>;

export const BackupTaken = Type.Object({
  backup: BackupView,
  durationMs: Type.Integer(),
  /** Older backups the retention rule removed. */
  deleted: Type.Array(Type.String()),
});
export type BackupTaken = Static<typeof BackupTaken>;
