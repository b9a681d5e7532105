import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenterSyncStatus, HubCenterView } from '@luot/shared';
import { LuotProcess } from '@luot/server/province/luot-process';
import { freePort, startPgCluster, type PgCluster } from '@luot/server/test-support/pg-cluster';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

/**
 * A center's admin links it to the province hub from the console (Quản trị → Đồng bộ tỉnh): a real hub on a real
 * PostgreSQL started here, the center a real process; the tab then shows it connected with its last sync, and the
 * hub holds the center's events.
 */
let pg: PgCluster;
let dir: string;
let hub: LuotProcess;
let server: ServerProcess;
let browser: Browser;

async function hubApi<T>(path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${hub.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  pg = await startPgCluster();
  dir = mkdtempSync(join(tmpdir(), 'luot-link-browser-'));
  hub = new LuotProcess('hub', await freePort(), { LUOT_HUB_DATABASE_URL: await pg.createDatabase('luot_hub'), LUOT_DEMO: '1' });
  await hub.start();
  // The center sends often, so the test waits on events, not on a 5 s timer.
  server = await ServerProcess.start({ demo: true, env: { LUOT_HUB_SYNC_MS: '300' } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await hub?.stop();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the center’s province link (admin)', () => {
  it('links the center to a real hub with the credential the province issued, then shows it connected with its last sync', async () => {
    const accounts = hub.accounts();
    const provinceAdmin = (await hubApi<{ token: string }>('/api/auth/login', null, { username: 'tinh-admin', password: accounts['tinh-admin'] })).token;
    const issued = await hubApi<{ center: { id: number }; key: string }>('/api/hub/centers', provinceAdmin, { code: 'hiep-tan', name: 'Phường Hiệp Tân' });

    // Something to send: numbers taken at the center before the link exists.
    const truth = await ServerTruth.as(server, 'admin');
    const kiosk = await KioskTaps.connect(server);
    const results = await truth.fieldId('tra-ket-qua');
    await kiosk.issue(results);
    await kiosk.issue(results, 'elderly');
    const adminConsole = await ConsolePage.signedIn(browser, server, 'admin', { width: 1366, height: 900 });
    try {
      const page = adminConsole.page;
      await adminConsole.navLink('admin').click();
      await page.getByTestId('tab-hub').click();
      const status = page.getByTestId('hub-sync-status');
      await status.waitFor();
      expect(await status.getAttribute('data-state')).toBe('off');

      await page.getByTestId('hub-sync-url').fill(hub.url);
      await page.getByTestId('hub-sync-center').fill(String(issued.center.id));
      await page.getByTestId('hub-sync-key').fill(issued.key);
      await page.getByTestId('hub-sync-save').click();
      await expect.poll(async () => page.getByTestId('admin-notice').innerText()).toBe('Đã lưu cài đặt đồng bộ.');

      // The tab refreshes itself every 5 s: it reaches "sent in full" with a time of the last successful send.
      await expect.poll(async () => status.getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('up_to_date');
      const server_ = (await truth.call('GET', '/api/admin/hub-sync')).body as CenterSyncStatus;
      expect(server_.state).toBe('up_to_date');
      expect(server_.ackedEventId).toBe(server_.headEventId);
      expect(server_.ackedEventId).toBeGreaterThan(0);
      expect(server_.lastAckAt).not.toBeNull();
      await expect.poll(async () => page.getByTestId('hub-sync-acked').innerText()).toBe(String(server_.ackedEventId));
      const text = await status.innerText();
      expect(text).toContain('Đã gửi đầy đủ');
      expect(text).toContain('Lần gửi thành công gần nhất');
      expect(text).toMatch(/\d{2}\/\d{2} \d{2}:\d{2}/);
      // The key is never shown back: the field is empty, with a hint that the saved key is kept.
      expect(await page.getByTestId('hub-sync-key').inputValue()).toBe('');

      // And the hub has the center's events up to the acknowledged one.
      const viewer = (await hubApi<{ token: string }>('/api/auth/login', null, { username: 'tinh-xem', password: accounts['tinh-xem'] })).token;
      const centers = await hubApi<HubCenterView[]>('/api/hub/centers', viewer);
      expect(centers.find((c) => c.id === issued.center.id)?.sync.ackedEventId).toBe(server_.ackedEventId);
      await screenshot(page, 'console-admin-province-link');
    } finally {
      await adminConsole.close();
    }
  });
});
