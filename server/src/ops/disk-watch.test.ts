import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveFigures } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { createDiskWatch } from './disk-watch.ts';

const keep = { daily: 7, weekly: 4, monthly: 12 };
let server: TestServer | null = null;
const made: string[] = [];
afterEach(async () => {
  await server?.dispose();
  server = null;
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

const alertsOf = async (s: TestServer, supervisor: string) =>
  (await s.app.inject({ method: 'GET', url: '/api/live', headers: bearer(supervisor) })).json<LiveFigures>().alerts.filter((a) => a.kind === 'disk_low');

describe('disk nearly full', () => {
  it('alerts supervisors on the board, in words, when the data disk is below the threshold; no alert above it', async () => {
    // The real disk the test's database is on: a threshold above its free space makes it "nearly full".
    server = await startTestServer({ backup: { dir: '/nonexistent-backups', dailyAt: '12:15', keep, minFreeBytes: Number.MAX_SAFE_INTEGER, minFreePercent: 0 } });
    const { supervisor } = await smallCenter(server);
    const [alert, ...more] = await alertsOf(server, supervisor);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: 'disk_low', disk: 'data' });
    expect(alert?.message.vi).toMatch(/^Ổ chứa dữ liệu sắp đầy: còn [\d.,]+ GB trống \(\d+ %\)\. Khi đầy, máy sẽ không phát số được\./);
    expect(alert?.message.en).toContain('Ask the administrator to free space');
    expect(alert?.message.vi.normalize('NFC')).toBe(alert?.message.vi);
    await server.dispose();

    // The share rule alone: 100 % free is never reached, 0 % always is.
    server = await startTestServer({ backup: { dir: '/nonexistent-backups', dailyAt: '12:15', keep, minFreeBytes: 0, minFreePercent: 100 } });
    expect(await alertsOf(server, (await smallCenter(server)).supervisor)).toHaveLength(1);
    await server.dispose();
    server = await startTestServer({ backup: { dir: '/nonexistent-backups', dailyAt: '12:15', keep, minFreeBytes: 0, minFreePercent: 0 } });
    expect(await alertsOf(server, (await smallCenter(server)).supervisor)).toEqual([]);
  });

  it('names each disk once: the backup disk apart when it is another disk, one line when both share a disk', () => {
    const data = mkdtempSync(join('/tmp', 'luot-disk-'));
    made.push(data);
    const sameDisk = createDiskWatch({ dataDir: data, backupDir: data, minFreeBytes: Number.MAX_SAFE_INTEGER, minFreePercent: 0 });
    expect(sameDisk().map((d) => d.disk)).toEqual(['data']);
    // /dev/shm is a separate (memory) file system on Linux: a stand-in for a USB stick.
    if (existsSync('/dev/shm')) {
      const stick = mkdtempSync(join('/dev/shm', 'luot-backup-'));
      made.push(stick);
      const twoDisks = createDiskWatch({ dataDir: data, backupDir: stick, minFreeBytes: Number.MAX_SAFE_INTEGER, minFreePercent: 0 });
      const low = twoDisks();
      expect(low.map((d) => d.disk)).toEqual(['data', 'backup']);
      expect(low.every((d) => d.freeBytes >= 0 && d.totalBytes > 0)).toBe(true);
    }
    expect(createDiskWatch({ dataDir: data, backupDir: data, minFreeBytes: 0, minFreePercent: 0 })()).toEqual([]);
  });
});
