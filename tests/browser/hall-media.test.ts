import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HallMediaView } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAnimations } from '../support/animations.ts';
import { screenshot } from '../support/browser.ts';
import { ServerTruth } from '../support/console-page-server.ts';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
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

describe('hall board media panel', () => {
  it('plays the admin’s picture beside the calls; a new call quiets it and stays in view', async () => {
    const admin = await ServerTruth.as(server, 'admin');
    // A real picture from the guides stands in for a procedures poster.
    const picture = readFileSync(join(repoRoot, 'docs/help/img/officer-desk.png'));
    const res = await fetch(`${server.url}/api/admin/media?title=${encodeURIComponent('Hướng dẫn lấy số và nộp hồ sơ')}&seconds=15`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'image/png' },
      body: picture,
    });
    expect(res.status).toBe(201);
    const uploaded = (await res.json()) as HallMediaView;

    const kiosk = await DemoKiosk.connect(server);
    const field = await kiosk.fieldId('chung-thuc');
    for (let i = 0; i < 3; i += 1) await kiosk.issue(field);
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, { width: 1920, height: 1080 });
    try {
      const item = board.page.getByTestId('hall-media-item');
      await item.waitFor();
      expect(await item.getAttribute('src')).toBe(uploaded.url);
      await expect.poll(() => item.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

      const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
      const number = await officer.callNext();
      await board.waitLatestCall(number, 2);
      // The call has the screen: the newest number is shown in full and the panel steps back.
      expect(await board.page.getByTestId('hall-media').getAttribute('data-quiet')).toBe('true');
      const latest = await board.page.getByTestId('hall-latest').boundingBox();
      const panel = await board.page.getByTestId('hall-media').boundingBox();
      if (!latest || !panel) throw new Error('the newest call or the media panel is not on screen');
      const apart = latest.x + latest.width <= panel.x || panel.x + panel.width <= latest.x || latest.y + latest.height <= panel.y || panel.y + panel.height <= latest.y;
      expect(apart).toBe(true);
      // Every field's waiting count stays in sight beside the media (the panel once pushed the list off the screen).
      const footer = await board.page.locator('.hall__bottom').boundingBox();
      const rows = await board.page.getByTestId('hall-waiting').all();
      expect(rows.length).toBeGreaterThanOrEqual(6);
      for (const row of rows) {
        const box = await row.boundingBox();
        expect(box && footer && box.y + box.height <= footer.y).toBe(true);
      }
      await finishAnimations(board.page, 'hall-new-call');
      await screenshot(board.page, 'display-hall-media');
      // After the call has been read out, the panel comes back.
      await expect.poll(() => board.page.getByTestId('hall-media').getAttribute('data-quiet'), { timeout: 40_000, interval: 1_000 }).toBe('false');
    } finally {
      await board.close();
    }
  });
});
