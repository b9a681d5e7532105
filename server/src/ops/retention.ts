/** A backup file as retention sees it: its name and when it was taken. */
export interface BackupEntry {
  name: string;
  takenAt: number;
  reason: string;
}

export interface KeepRule {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Backups taken before an upgrade are kept apart from the calendar rule: the last few stay whatever their age. */
const KEEP_BEFORE_UPGRADE = 3;
const DAY_MS = 86_400_000;
/** Backups are named and bucketed in Viet Nam time (UTC+7, no daylight saving), like every day in Lượt. */
const VN_OFFSET_MS = 7 * 3_600_000;

function buckets(takenAt: number): { day: string; week: string; month: string } {
  const local = new Date(takenAt + VN_OFFSET_MS);
  const day = local.toISOString().slice(0, 10);
  const month = day.slice(0, 7);
  // Weeks start on Monday: count whole weeks since a Monday (1970-01-05).
  const dayNumber = Math.floor((takenAt + VN_OFFSET_MS) / DAY_MS);
  const week = String(Math.floor((dayNumber - 4) / 7));
  return { day, week, month };
}

/**
 * Which backups to keep: the newest backup of each of the last `daily` days, `weekly` weeks and `monthly` months
 * that have a backup (a closed week or a holiday does not use up a slot), plus the last few taken before an upgrade.
 * Everything else may be deleted. Pure, so the rule is tested on its own.
 */
export function backupsToKeep(entries: readonly BackupEntry[], rule: KeepRule): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.takenAt - a.takenAt);
  const keep = new Set<string>();
  const pick = (key: 'day' | 'week' | 'month', count: number) => {
    const seen = new Set<string>();
    for (const e of newestFirst) {
      if (e.reason === 'before-upgrade') continue;
      const bucket = buckets(e.takenAt)[key];
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(e.name);
    }
  };
  pick('day', rule.daily);
  pick('week', rule.weekly);
  pick('month', rule.monthly);
  newestFirst.filter((e) => e.reason === 'before-upgrade').slice(0, KEEP_BEFORE_UPGRADE).forEach((e) => keep.add(e.name));
  return keep;
}

/** `luot-2026-12-03T1215-daily.db`: sortable, readable by a person choosing which one to restore, Viet Nam time. */
export function backupName(takenAt: number, reason: string): string {
  const local = new Date(takenAt + VN_OFFSET_MS).toISOString();
  const stamp = `${local.slice(0, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}`;
  return `luot-${stamp}-${reason}.db`;
}

const NAME = /^luot-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})-([a-z-]+)\.db$/;

export function parseBackupName(name: string): BackupEntry | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, hh, mm, ss, reason] = m;
  const takenAt = Date.parse(`${day}T${hh}:${mm}:${ss}+07:00`);
  return Number.isNaN(takenAt) || reason === undefined ? null : { name, takenAt, reason };
}
