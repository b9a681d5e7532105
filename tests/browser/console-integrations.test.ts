import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaffFigures, WebhookPayload } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { makeADay } from '../support/report-day.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let supervisorTruth: ServerTruth;
let adminTruth: ServerTruth;
let kiosk: KioskTaps;
let receiver: Server;
let receiverUrl = '';
/** What the receiver got; its first answer is a 500, the rest 200. */
const got: WebhookPayload[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookPayload);
      res.statusCode = got.length === 1 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/luot`;
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  supervisorTruth = await ServerTruth.as(server, 'giamsat');
  adminTruth = await ServerTruth.as(server, 'admin');
  kiosk = await KioskTaps.connect(server);
  await makeADay(server, supervisorTruth, kiosk);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

describe('staff figures and integrations in the console', () => {
  it('a supervisor reads today’s staff figures: the server’s numbers, a chart, and what each figure means', async () => {
    const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
    try {
      await supervisor.navLink('staff').click();
      const table = supervisor.page.getByTestId('staff-table');
      await table.waitFor();
      const { body } = await supervisorTruth.call('GET', '/api/reports/staff?period=today&groupBy=officer');
      const figures = body as StaffFigures;
      expect(figures.rows.length).toBeGreaterThan(0);
      const rows = supervisor.page.getByTestId('staff-row');
      expect(await rows.count()).toBe(figures.rows.length);
      const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
      figures.rows.forEach((row, i) => {
        expect(shown[i]?.[0]).toBe(row.label.vi);
        expect(shown[i]?.[1]).toBe(String(row.served));
      });
      expect(figures.rows.reduce((a, r) => a + r.served, 0)).toBe(6);
      const meaning = await supervisor.page.getByTestId('staff-meaning').innerText();
      expect(meaning).toContain('Thời gian chờ gọi (phút)');
      expect(meaning).toContain('trong khi có công dân chờ lĩnh vực của quầy');
      expect(meaning.normalize('NFC')).toBe(meaning);
      const chart = supervisor.page.getByTestId('staff-chart');
      expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
      await screenshot(supervisor.page, 'console-staff-figures');
    } finally {
      await supervisor.close();
    }
  });

  it('an officer has no staff figures: not in the menu, refused by the server', async () => {
    const officer = await ServerTruth.as(server, 'quay1');
    expect((await officer.call('GET', '/api/reports/staff')).status).toBe(403);
  });

  it('an admin registers a webhook, sees the secret once, reads the delivery log with a failure, and resends', async () => {
    const admin = await ConsolePage.signedIn(browser, server, 'admin', { width: 1920, height: 1080 });
    try {
      await admin.navLink('admin').click();
      await admin.page.getByTestId('tab-integrations').click();
      await admin.page.getByTestId('admin-integrations').waitFor();
      await admin.page.getByTestId('webhook-url').fill(receiverUrl);
      await admin.page.getByTestId('webhook-event-ticket.issued').check();
      await admin.page.getByTestId('webhook-add').click();
      await expect.poll(() => admin.page.getByTestId('admin-notice').first().innerText()).toMatch(/whsec_/);
      const field = await adminTruth.fieldId('chung-thuc');
      for (let i = 0; i < 3; i += 1) await kiosk.issue(field);
      // The relay runs on its own timer in the real server: the first delivery got a 500 and waits for its retry.
      await expect.poll(() => got.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      await admin.page.getByTestId('webhook-log').getByRole('button', { name: 'Tải lại' }).click();
      const log = admin.page.getByTestId('webhook-delivery');
      await expect.poll(() => log.count()).toBe(3);
      const statuses = await log.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      expect(statuses.sort()).toEqual(['delivered', 'delivered', 'pending']);
      expect(await admin.page.getByTestId('webhook-log-list').innerText()).toContain('HTTP 500');
      await admin.page.getByTestId('admin-integrations').evaluate((el) => el.querySelector('[data-testid="webhook-log"]')?.scrollIntoView());
      await screenshot(admin.page, 'console-webhook-log');

      const before = got.length;
      await admin.page.getByTestId('webhook-resend').first().click();
      await expect.poll(() => got.length, { timeout: 20_000 }).toBe(before + 1);
      expect(got.filter((p) => p.id === got.at(-1)?.id)).toHaveLength(2);
    } finally {
      await admin.close();
    }
  });
});
