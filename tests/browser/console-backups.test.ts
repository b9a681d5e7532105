import type { BackupList } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { AdminPage } from '../support/console-page-admin.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  // A free-space threshold no real disk reaches (about 95 TB), so the data disk counts as nearly full.
  server = await ServerProcess.start({ demo: true, env: { LUOT_MIN_FREE_MB: '100000000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('backups and disk space in the console', () => {
  it('the administrator backs up now and sees the backup listed with its size, time and integrity check', async () => {
    const truth = await ServerTruth.as(server, 'admin');
    const adminConsole = await ConsolePage.signedIn(browser, server, 'admin', { width: 1366, height: 900 });
    try {
      const admin = new AdminPage(adminConsole.page);
      await adminConsole.navLink('admin').click();
      await admin.tab('backups');
      const page = adminConsole.page;
      await page.getByTestId('backup-place').waitFor();

      await page.getByTestId('backup-now').click();
      await expect.poll(async () => admin.notice().innerText(), { timeout: 60_000 }).toMatch(/^Đã sao lưu và kiểm tra: luot-.*-manual\.db \([\d,]+ MB\)\.$/);
      const { body } = await truth.call('GET', '/api/admin/backups');
      const made = (body as BackupList).backups.find((b) => b.reason === 'manual');
      expect(made?.check.verdict).toBe('ok');

      const row = page.locator(`[data-testid="backup-item"][data-reason="manual"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-check')).toBe('ok');
      const text = await row.innerText();
      expect(text).toContain(made?.name ?? '?');
      expect(text).toContain('Bấm "Sao lưu ngay"');
      expect(text).toContain('Nguyên vẹn');
      // Time in Viet Nam, with the year: dd/mm/yyyy HH:mm.
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(text).toMatch(/[\d,]+ MB/);
      await screenshot(page, 'console-admin-backups');
    } finally {
      await adminConsole.close();
    }
  });

  it('the supervisor’s board says the data disk is nearly full, and what to do', async () => {
    const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
    try {
      const board = new BoardPage(supervisor.page);
      await board.board().waitFor();
      await board.alerts('disk_low').first().waitFor({ timeout: 15_000 });
      const text = await board.alertTexts();
      expect(text).toContain('Ổ đĩa sắp đầy');
      expect(text).toMatch(/Ổ chứa dữ liệu sắp đầy: còn [\d.,]+ GB trống/);
      expect(text).toContain('Hãy báo quản trị viên giải phóng chỗ hoặc thay ổ lớn hơn.');
      await screenshot(supervisor.page, 'console-board-disk-alert');
    } finally {
      await supervisor.close();
    }
  });
});
