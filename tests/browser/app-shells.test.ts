import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShellPage } from '../support/app-shell-page.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const apps = [
  { path: '/kiosk/', vi: 'Lấy số thứ tự', en: 'Take a queue number', shot: 'kiosk-shell' },
  { path: '/display/', vi: 'Màn hình quầy', en: 'Counter display', shot: 'display-shell' },
  { path: '/console/', vi: 'Bảng điều khiển cán bộ', en: 'Officer console', shot: 'console-shell' },
] as const;

describe('the built apps, served by the one server process', () => {
  for (const app of apps) {
    it(`${app.path} shows its Vietnamese title and the demo center's name, and switches to English`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const shell = new AppShellPage(page, server.url, app.path);
      await shell.open();
      expect(await shell.title()).toBe(`Lượt\n${app.vi}`);
      const center = await shell.centerName();
      expect(center).toBe('Trung tâm Phục vụ hành chính công phường Hiệp Tân (demo)');
      expect(center.normalize('NFC')).toBe(center);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      await screenshot(page, app.shot);
      await shell.switchTo('en');
      expect(await shell.title()).toBe(`Lượt\n${app.en}`);
      await page.close();
    });
  }

  it('prints the demo accounts on first start, each able to sign in', async () => {
    expect(server.accounts.map((a) => a.username)).toEqual(['admin', 'giamsat', ...Array.from({ length: 8 }, (_, i) => `quay${i + 1}`)]);
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quay3', password: server.account('quay3').password }),
    });
    expect(res.status).toBe(200);
  });
});
