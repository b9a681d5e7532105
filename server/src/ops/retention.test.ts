import { describe, expect, it } from 'vitest';
import { backupName, backupsToKeep, parseBackupName, type BackupEntry } from './retention.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-01-01T05:15:00Z'); // 12:15 in Viet Nam, a Thursday

function daily(days: number): BackupEntry[] {
  return Array.from({ length: days }, (_, i) => ({ name: backupName(start + i * DAY, 'daily'), takenAt: start + i * DAY, reason: 'daily' }));
}

describe('backup retention', () => {
  it('names read back to the same time and reason, in Viet Nam time', () => {
    expect(backupName(start, 'daily')).toBe('luot-2026-01-01T121500-daily.db');
    expect(parseBackupName(backupName(start + 1234_000, 'before-upgrade'))).toEqual({ name: 'luot-2026-01-01T123534-before-upgrade.db', takenAt: start + 1234_000, reason: 'before-upgrade' });
    expect(parseBackupName('notes.txt')).toBeNull();
  });

  it('a year of daily backups keeps 7 daily, 4 weekly and 12 monthly (overlapping), nothing else', () => {
    const all = daily(400);
    const keep = backupsToKeep(all, { daily: 7, weekly: 4, monthly: 12 });
    const newest = all.slice(-7).map((e) => e.name);
    for (const n of newest) expect(keep.has(n)).toBe(true);
    const months = new Set([...keep].map((n) => n.slice(5, 12)));
    expect(months.size).toBe(12);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12 + 6);
    // The newest is 2027-02-04: twelve months back reach March 2026, whose newest backup is its last day.
    expect([...keep].sort()[0]).toBe('luot-2026-03-31T121500-daily.db');
  });

  it('a manual backup the same day supersedes the daily one in the daily slot; the last three before an upgrade always stay', () => {
    const all = [...daily(3), { name: backupName(start + 2 * DAY + 3600_000, 'manual'), takenAt: start + 2 * DAY + 3600_000, reason: 'manual' }];
    const upgrades = [0, 1, 2, 3].map((i) => ({ name: backupName(start - (400 + i) * DAY, 'before-upgrade'), takenAt: start - (400 + i) * DAY, reason: 'before-upgrade' }));
    const keep = backupsToKeep([...all, ...upgrades], { daily: 2, weekly: 0, monthly: 0 });
    expect([...keep].sort()).toEqual([all[1]!.name, all[3]!.name, ...upgrades.slice(0, 3).map((e) => e.name)].sort());
  });
});
