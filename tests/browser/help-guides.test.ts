import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe.ts';
import { guideScreenshot, launchBrowser } from '../support/browser.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { ConsolePage } from '../support/console-page.ts';
import { CounterOfficer } from '../support/counter-officer.ts';
import { repoRoot, ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

let server: ServerProcess;
let bare: ServerProcess;
let browser: Browser;
let supervisor: StaffApi;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  bare = await ServerProcess.start({ demo: false });
  browser = await launchBrowser();
  supervisor = await StaffApi.signIn(server, 'giamsat');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await bare?.dispose();
});

const helpDir = join(repoRoot, 'docs/help');
/** Every page of the guides: /help/<name> for the Vietnamese ones, /help/en/<name> for the English ones. */
const pages = [...readdirSync(helpDir).filter((f) => f.endsWith('.html')), ...readdirSync(join(helpDir, 'en')).filter((f) => f.endsWith('.html')).map((f) => `en/${f}`)];
const roles = ['officer', 'supervisor', 'admin', 'installer'] as const;

describe('the role guides under /help', () => {
  it('get their pictures from the software itself', async () => {
    // The officer's desk with a citizen called.
    const field = await supervisor.field('chung-thuc');
    for (let i = 0; i < 3; i++) await supervisor.issue(field.id);
    const officer = await ConsolePage.signedIn(browser, server, 'quay2');
    try {
      const desk = new DeskPage(officer.page);
      await desk.takeCounter(2);
      await desk.action('callNext').click();
      await officer.page.locator('[data-testid="current-ticket"][data-status="called"]').waitFor();
      await guideScreenshot(officer.page, 'officer-desk');
    } finally {
      await officer.close();
    }

    // The supervisor's board with people waiting and a counter serving.
    const busy = await CounterOfficer.atCounter(server, 'quay1', 1);
    await supervisor.issue((await supervisor.field('tu-phap-ho-tich')).id);
    await busy.callNext();
    await busy.start();
    const board = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
    try {
      await new BoardPage(board.page).fieldRow('chung-thuc').waitFor();
      await board.page.locator('.loading').waitFor({ state: 'detached' });
      await guideScreenshot(board.page, 'supervisor-board');
    } finally {
      await board.close();
    }

    // The admin's pairing code for a new kiosk.
    const admin = await ConsolePage.signedIn(browser, server, 'admin');
    try {
      await admin.goTo('#/admin/devices');
      await admin.page.getByTestId('device-add').click();
      await admin.page.getByTestId('device-kind').selectOption('kiosk');
      await admin.page.getByTestId('device-name').fill('Kiosk cửa chính');
      await admin.page.getByTestId('device-save').click();
      await admin.page.getByTestId('pairing-code').waitFor();
      await guideScreenshot(admin.page, 'admin-pairing');
    } finally {
      await admin.close();
    }

    // A kiosk not yet paired, in a center that is not the demo.
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    try {
      await kiosk.goto(`${bare.url}/kiosk/`);
      await kiosk.getByTestId('pairing-screen').waitFor();
      await guideScreenshot(kiosk, 'installer-kiosk-pairing');
    } finally {
      await kiosk.close();
    }
  });

  it('work offline: every link, picture and stylesheet in them is on the center’s server and answers', async () => {
    const page = await browser.newPage();
    try {
      for (const name of pages) {
        const response = await page.goto(`${server.url}/help/${name}`);
        expect(response?.status(), name).toBe(200);
        const text = await page.locator('body').innerText();
        expect(text.normalize('NFC'), name).toBe(text);
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('a[href], img[src], link[href]')].map((el) => (el instanceof HTMLAnchorElement || el instanceof HTMLLinkElement ? el.href : (el as HTMLImageElement).src)),
        );
        expect(links.length, name).toBeGreaterThan(1);
        for (const link of links) {
          const url = new URL(link);
          expect(url.origin, `${name} → ${link} leaves the center's server`).toBe(server.url);
          const target = await page.request.get(link);
          expect(target.status(), `${name} → ${link}`).toBe(200);
          if (url.hash) {
            const other = await browser.newPage();
            await other.goto(link);
            expect(await other.locator(url.hash).count(), `${name} → ${link}`).toBe(1);
            await other.close();
          }
        }
        // Pictures are drawn, not broken.
        const broken = await page.evaluate(() => [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src));
        expect(broken, name).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it('each role has a Vietnamese page and an English one, linked to each other, both passing axe', async () => {
    const page = await browser.newPage();
    try {
      for (const role of roles) {
        await page.goto(`${server.url}/help/${role}.html`);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
        expect(await page.locator(`a[href="en/${role}.html"]`).count()).toBe(1);
        await expectAccessible(page, `/help/${role}.html`);
        await page.goto(`${server.url}/help/en/${role}.html`);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await page.locator(`a[href="../${role}.html"]`).count()).toBe(1);
        await expectAccessible(page, `/help/en/${role}.html`);
      }
    } finally {
      await page.close();
    }
  });

  it('each prints on one A4 sheet', async () => {
    const page = await browser.newPage();
    try {
      for (const role of roles) {
        for (const path of [`${role}.html`, `en/${role}.html`]) {
          await page.goto(`${server.url}/help/${path}`);
          await page.emulateMedia({ media: 'print' });
          const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
          // Each page of a PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
          const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
          expect(sheets, `${path} printed on ${sheets} A4 sheets`).toBe(1);
        }
      }
    } finally {
      await page.close();
    }
  });
});

describe('every app links to its guide', () => {
  async function followHelp(page: Page, expected: string): Promise<void> {
    const link = page.getByTestId('help-link');
    expect(await link.getAttribute('href')).toBe(expected);
    const response = await page.request.get(new URL(expected, page.url()).href);
    expect(response.status(), expected).toBe(200);
  }

  it('the console: each role its own guide, in its language; the sign-in screen the list of guides', async () => {
    const signIn = await ConsolePage.open(browser, server);
    try {
      await followHelp(signIn.page, '/help/index.html');
    } finally {
      await signIn.close();
    }
    for (const [username, role] of [['quay3', 'officer'], ['giamsat', 'supervisor'], ['admin', 'admin']] as const) {
      const console_ = await ConsolePage.signedIn(browser, server, username);
      try {
        await followHelp(console_.page, `/help/${role}.html`);
        await console_.switchTo('en');
        await followHelp(console_.page, `/help/en/${role}.html`);
      } finally {
        await console_.close();
      }
    }
  });

  it('the kiosk and the screens, on the pairing screen the installer sees', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${bare.url}/kiosk/`);
      await page.getByTestId('pairing-screen').waitFor();
      await followHelp(page, '/help/installer.html');
      await page.goto(`${bare.url}/display/`);
      await page.getByTestId('pairing').waitFor();
      await followHelp(page, '/help/installer.html');
    } finally {
      await page.close();
    }
  });
});
