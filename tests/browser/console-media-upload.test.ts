import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCatalog, type HallMediaView } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { ServerTruth } from '../support/console-page-server.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { repoRoot, ServerProcess } from '../support/server-process.ts';

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  browser = await launchDisplayBrowser();
  server = await ServerProcess.start({ demo: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('hall board pictures uploaded in the console (admin)', () => {
  it('a real PNG is uploaded through the file input and listed, a text file named .png is refused with the clear message, and the hall board shows the picture', async () => {
    const console_ = await ConsolePage.signedIn(browser, server, 'admin');
    const page = console_.page;
    try {
      await console_.goTo('#/admin/integrations');
      await page.getByTestId('hall-media-admin').waitFor();
      expect(await page.getByTestId('media-item').count()).toBe(0);

      // A text file renamed .png: the browser calls it image/png, the server reads the bytes and refuses it.
      await page.getByTestId('media-file').setInputFiles({ name: 'thong-bao.png', mimeType: 'image/png', buffer: Buffer.from('Thông báo lịch làm việc tháng 12\n', 'utf8') });
      await page.getByTestId('media-title').fill('Thông báo lịch làm việc');
      await page.getByTestId('media-add').click();
      const notice = page.getByTestId('hall-media-admin').getByTestId('admin-notice');
      await expect.poll(() => notice.innerText()).toContain(errorCatalog.MEDIA_TYPE_INVALID.vi);
      await screenshot(page, 'console-media-refused');
      expect(await page.getByTestId('media-item').count()).toBe(0);

      // A real picture (one of the guides' PNGs stands in for a procedures poster).
      const png = readFileSync(join(repoRoot, 'docs/help/img/officer-desk.png'));
      await page.getByTestId('media-file').setInputFiles({ name: 'huong-dan.png', mimeType: 'image/png', buffer: png });
      await page.getByTestId('media-title').fill('Hướng dẫn lấy số và nộp hồ sơ');
      await page.getByTestId('media-add').click();
      await expect.poll(() => notice.innerText()).toBe('Đã tải lên. Bảng gọi số sẽ hiện trong vòng một phút.');
      const item = page.getByTestId('media-item');
      await item.waitFor();
      expect(await item.innerText()).toContain('Hướng dẫn lấy số và nộp hồ sơ');
      await expect.poll(() => item.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      // The form is ready for the next file: nothing left chosen, the upload button waits for one.
      expect(await page.getByTestId('media-file').evaluate((input) => (input as HTMLInputElement).files?.length ?? 0)).toBe(0);
      expect(await page.getByTestId('media-add').isDisabled()).toBe(true);
      await page.getByTestId('hall-media-admin').evaluate((el) => el.scrollIntoView());
      await screenshot(page, 'console-media-uploaded');

      // The server holds exactly what was sent, and the hall board plays it.
      const admin = await ServerTruth.as(server, 'admin');
      const { body } = await admin.call('GET', '/api/media');
      const [stored] = body as HallMediaView[];
      expect(stored).toMatchObject({ kind: 'image', title: 'Hướng dẫn lấy số và nộp hồ sơ' });
      const served = Buffer.from(await (await fetch(`${server.url}${stored?.url ?? ''}`)).arrayBuffer());
      expect(served.equals(png)).toBe(true);
      const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, { width: 1920, height: 1080 });
      try {
        const shown = board.page.getByTestId('hall-media-item');
        await shown.waitFor();
        expect(await shown.getAttribute('src')).toBe(stored?.url);
        await expect.poll(() => shown.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        await screenshot(board.page, 'display-hall-media-uploaded');
      } finally {
        await board.close();
      }
    } finally {
      await console_.close();
    }
  });
});
