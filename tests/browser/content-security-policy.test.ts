import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedTicket } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminPage } from '../support/console-page-admin.ts';
import { ConsolePage } from '../support/console-page.ts';
import { ReportsPage } from '../support/console-page-reports.ts';
import { CounterOfficer } from '../support/counter-officer.ts';
import { CspWatch } from '../support/csp-watch.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { repoRoot, ServerProcess } from '../support/server-process.ts';
import { TrackPage } from '../support/track-page.ts';

let server: ServerProcess;
let real: Browser;
let watch: CspWatch;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  real = await launchDisplayBrowser();
  watch = new CspWatch(real);
});
afterAll(async () => {
  await real?.close();
  await server?.dispose();
});

const builtPages = ['kiosk/dist/index.html', 'kiosk/dist/track.html', 'counter-display/dist/index.html', 'staff-console/dist/index.html'];

describe('Content-Security-Policy and the other security headers', () => {
  it('the Vite builds have no inline script, style or event handler for the policy to forbid', () => {
    for (const file of builtPages) {
      const html = readFileSync(join(repoRoot, file), 'utf8');
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), file).toBeNull();
      expect(html.match(/<style[\s>]|\sstyle=|\son[a-z]+=/gi), file).toBeNull();
    }
  });

  it('every page and API answer carries the policy, refuses framing and sniffing, and sends no referrer', async () => {
    for (const path of ['/', '/kiosk/', '/display/', '/console/', '/help/', '/api/health', '/api/docs/', '/api/no-such-thing']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      // HSTS belongs on an HTTPS proxy; sent over the LAN's plain HTTP it would only confuse.
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('every app works under the policy with no violation: kiosk, phone page, counter screen, hall board with its voice, console with charts, guides, API docs', async () => {
    const browser = watch.browser;
    // The citizen's ticket, issued the way the kiosk does, for the phone page.
    const demoKiosk = (await (await fetch(`${server.url}/api/demo/device?kind=kiosk`)).json()) as { token: string };
    const center = (await (await fetch(`${server.url}/api/center`, { headers: { authorization: `Bearer ${demoKiosk.token}` } })).json()) as { fields: { id: number; code: string }[] };
    const fieldId = center.fields.find((f) => f.code === 'tu-phap-ho-tich')?.id;
    const issued = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demoKiosk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fieldId }),
    });
    expect(issued.status).toBe(201);
    const ticket = (await issued.json()) as IssuedTicket;

    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    await kiosk.chooseField('tu-phap-ho-tich');
    expect(await kiosk.takeNumber()).toMatch(/^A\d{3}$/);

    const phone = await TrackPage.open(browser, server.url, ticket.trackingCode);
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, { width: 1920, height: 1080 });
    const screen = await DisplayPage.open(browser, server.url, { counter: 1 });

    // A call: the board reads it out from the server's WAV (a blob: URL), the phone turns to "Quầy số 1".
    const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
    expect(await officer.callNext()).toBe(ticket.ticket.number);
    await screen.waitCounterNumber(ticket.ticket.number);
    await phone.waitCounter(1, 10_000);
    const [heard] = await board.waitAnnouncements(1);
    expect(heard?.source).toBe('server');

    const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
    await supervisor.page.getByTestId('board').waitFor();
    const reports = new ReportsPage(supervisor.page);
    await reports.open('today/field');
    await supervisor.page.locator('[data-testid="reports"] canvas').first().waitFor();

    const admin = await ConsolePage.signedIn(browser, server, 'admin');
    const settings = new AdminPage(admin.page);
    await admin.navLink('admin').click();
    for (const tab of ['center', 'printers', 'audit'] as const) await settings.tab(tab);

    const desk = await ConsolePage.signedIn(browser, server, 'quay2');
    await desk.page.getByTestId('counter-picker').waitFor();

    const context = await browser.newContext();
    const docs = await context.newPage();
    await docs.goto(`${server.url}/api/docs/`);
    await docs.locator('.opblock').first().waitFor();
    await docs.goto(`${server.url}/`);
    await docs.getByRole('link').first().waitFor();
    for (const guide of ['/help/', '/help/officer.html', '/help/en/admin.html']) {
      const res = await docs.goto(`${server.url}${guide}`);
      expect(res?.status(), guide).toBe(200);
      await docs.locator('h1').first().waitFor();
    }

    expect(watch.violations).toEqual([]);
    for (const page of [kiosk, phone, board, screen, supervisor, admin, desk]) await page.context.close();
    await context.close();
  });
});
