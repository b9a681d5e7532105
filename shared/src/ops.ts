import { Type, type Static } from 'typebox';

/** One backup file in the backup folder. */
export const BackupView = Type.Object({
  name: Type.String(),
  takenAt: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  bytes: Type.Integer(),
});
export type BackupView = Static<typeof BackupView>;

export const BackupList = Type.Object({
  dir: Type.String(),
  /** Free space on the backup disk. */
  freeBytes: Type.Integer(),
  /** Daily backup time, HH:MM in Viet Nam time. */
  dailyAt: Type.String(),
  backups: Type.Array(BackupView),
});
export type BackupList = Static<typeof BackupList>;

export const BackupTaken = Type.Object({
  backup: BackupView,
  durationMs: Type.Integer(),
  /** Older backups the retention rule removed. */
  deleted: Type.Array(Type.String()),
});
export type BackupTaken = Static<typeof BackupTaken>;
