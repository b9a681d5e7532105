import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { CounterOfficer } from '../support/counter-officer.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { expectTidyLayout } from '../support/layout.ts';
import { RatingPage } from '../support/rating-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

let server: ServerProcess;
let bare: ServerProcess;
let browser: Browser;
let supervisor: StaffApi;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  // A center that is not the demo: its screens start on the pairing screen.
  bare = await ServerProcess.start({ demo: false });
  browser = await launchDisplayBrowser();
  supervisor = await StaffApi.signIn(server, 'giamsat');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await bare?.dispose();
});

/** The language switch's options: their size, and whether the active one is marked. */
async function switchOptions(page: Page) {
  return page.locator('.lang-switch__option').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim(), width: r.width, height: r.height, pressed: el.getAttribute('aria-pressed') };
    }),
  );
}

describe('the kiosk, screen by screen, for axe-core', () => {
  it('home, large text with guidance on, the "Lấy số" step, priority categories, the number, a notice', async () => {
    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    try {
      await expectAccessible(kiosk.page, 'kiosk home');
      await kiosk.toggleLargeText();
      await kiosk.toggleGuide();
      await kiosk.fieldTile('chung-thuc').tap();
      await kiosk.page.locator('[data-testid="field-tile"][data-armed="true"]').waitFor();
      await expectAccessible(kiosk.page, 'kiosk home, large text, guidance on, a tile read once');
      await kiosk.toggleGuide();
      await kiosk.toggleLargeText();

      await kiosk.chooseField('chung-thuc');
      await expectAccessible(kiosk.page, 'kiosk "Lấy số"');
      await kiosk.page.getByTestId('priority-open').tap();
      await kiosk.page.getByTestId('priority-categories-screen').waitFor();
      await expectAccessible(kiosk.page, 'kiosk priority categories');
      await kiosk.page.getByTestId('back').tap();
      await kiosk.takeNumber();
      await expectAccessible(kiosk.page, 'kiosk ticket');
      // The number is the ticket screen's heading.
      expect(await kiosk.page.getByRole('heading', { level: 2 }).filter({ has: kiosk.ticketNumber() }).count()).toBe(1);
      await kiosk.done();

      const field = await supervisor.field('tra-ket-qua');
      await supervisor.setIssuing(field.id, false);
      await kiosk.page.locator(`[data-testid="field-tile"][data-field-code="${field.code}"][data-availability="paused"]`).waitFor();
      // Greyed (aria-disabled) but still pressable: it says why. (Forced: Playwright will not tap what is
      // aria-disabled; the home screen's tap guard is ended first.)
      await kiosk.endTapGuard();
      await kiosk.fieldTile(field.code).tap({ force: true });
      await kiosk.page.getByTestId('notice-screen').waitFor();
      await expectAccessible(kiosk.page, 'kiosk notice (issuing paused)');
      await supervisor.setIssuing(field.id, true);
    } finally {
      await kiosk.close();
    }
  });

  it('the SMS phone step (a center with an SMS gateway), with spoken guidance on', async () => {
    // A gateway that is never reached: the step shows for any gateway but the log-only default, and nobody types a number here.
    const dir = mkdtempSync(join(tmpdir(), 'luot-a11y-sms-'));
    const template = join(dir, 'gateway.json');
    writeFileSync(template, JSON.stringify({ url: 'http://127.0.0.1:9/send?to={to}&text={text}', method: 'GET' }));
    const sms = await ServerProcess.start({ demo: true, env: { LUOT_SMS: `http:${template}` } });
    const kiosk = await KioskPage.open(browser, sms.url, { width: 1080, height: 1920 });
    try {
      await kiosk.toggleGuide();
      // With guidance on, the first touch reads the tile and the second chooses it.
      await kiosk.fieldTile('chung-thuc').tap();
      await kiosk.page.locator('[data-testid="field-tile"][data-armed="true"]').waitFor();
      await kiosk.fieldTile('chung-thuc').tap();
      await kiosk.page.getByTestId('take-number').waitFor();
      await kiosk.endTapGuard();
      await kiosk.page.getByTestId('take-number').tap();
      await kiosk.page.getByTestId('phone-screen').waitFor();
      // The step has its spoken sentence, as the other steps do.
      await expect.poll(async () => (await kiosk.guideLog()).map((r) => `${r.say}: ${r.text ?? ''}`), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^phone: .*Bỏ qua/));
      await expectAccessible(kiosk.page, 'kiosk SMS phone step, guidance on');
      await kiosk.toggleLargeText();
      await expectAccessible(kiosk.page, 'kiosk SMS phone step, large text');
    } finally {
      await kiosk.close();
      await sms.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the pairing screen of a kiosk not yet paired', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    try {
      await page.goto(`${bare.url}/kiosk/`);
      await page.getByTestId('pairing-screen').waitFor();
      await expectAccessible(page, 'kiosk pairing');
    } finally {
      await page.close();
    }
  });

  it('the language switch is a large touch target, names its language and shows which is on', async () => {
    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    try {
      const options = await switchOptions(kiosk.page);
      expect(options.map((o) => [o.text, o.pressed])).toEqual([
        ['VI – Tiếng Việt', 'true'],
        ['EN – English', 'false'],
      ]);
      // The kiosk's targets are at least 72 px (its --target), larger than the 44 px every app keeps.
      for (const o of options) expect(Math.min(o.width, o.height), o.text).toBeGreaterThanOrEqual(72);
      await kiosk.page.getByRole('button', { name: 'EN – English' }).tap();
      expect((await switchOptions(kiosk.page)).map((o) => o.pressed)).toEqual(['false', 'true']);
    } finally {
      await kiosk.close();
    }
  });
});

describe('the phone page (/t/<code>)', () => {
  async function phone(code: string, viewport: { width: number; height: number }, textScale = 1) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/t/${code}`);
    await page.getByTestId('track-number').waitFor();
    // A phone set to large text: the browser's default font size, which the page's rem sizes follow.
    if (textScale !== 1) await page.evaluate((scale) => (document.documentElement.style.fontSize = `${16 * scale}px`), textScale);
    return { page, close: () => context.close() };
  }

  it('has a level-one heading, the number as a heading, a 44 px language switch, and passes axe waiting, called and done', async () => {
    const issued = await supervisor.issue((await supervisor.field('chung-thuc')).id);
    const { page, close } = await phone(issued.trackingCode, { width: 360, height: 740 });
    try {
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Theo dõi số thứ tự');
      expect(await page.getByRole('heading', { level: 2 }).filter({ has: page.getByTestId('track-number') }).count()).toBe(1);
      const options = await switchOptions(page);
      expect(options.map((o) => [o.text, o.pressed])).toEqual([
        ['VI – Tiếng Việt', 'true'],
        ['EN – English', 'false'],
      ]);
      for (const o of options) expect(Math.min(o.width, o.height), o.text).toBeGreaterThanOrEqual(44);
      await expectAccessible(page, 'phone page, waiting');

      const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
      await officer.callTicket(issued.ticket.id);
      await page.locator('[data-testid="track-status"][data-status="called"]').waitFor();
      await expectAccessible(page, 'phone page, called');
      await officer.start();
      await officer.finish();
      await page.getByTestId('track-rating').waitFor();
      await expectAccessible(page, 'phone page, done, asking for a rating');
    } finally {
      await close();
    }
  });

  for (const scale of [1, 2]) {
    it(`at 320 px wide${scale === 2 ? ' with text at 200 %' : ''}: nothing cut, nothing sideways, nothing overlapping`, async () => {
      const issued = await supervisor.issue((await supervisor.field('dat-dai-xay-dung')).id);
      const { page, close } = await phone(issued.trackingCode, { width: 320, height: 640 }, scale);
      try {
        if (scale === 2) expect(await page.locator('.track__field').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(40);
        await expectTidyLayout(page, `phone page at 320 px, text ×${scale}`, { boxes: '.track__card, .lang-switch__option, .track__alert-button, .track__facts div' });
        await screenshot(page, `track-320${scale === 2 ? '-text-200' : ''}`);
        await page.getByTestId('lang-en').tap();
        await expectTidyLayout(page, `phone page at 320 px in English, text ×${scale}`, { boxes: '.track__card, .lang-switch__option, .track__alert-button, .track__facts div' });
      } finally {
        await close();
      }
    });
  }
});

describe('counter screens and the hall board, for axe-core', () => {
  it('a counter screen idle, calling and paused; the hall board; the rating screen; the sound prompt; pairing', async () => {
    const screen = await DisplayPage.open(browser, server.url, { counter: 4 });
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, { width: 1920, height: 1080 });
    try {
      await expectAccessible(screen.page, 'counter screen, idle');
      const officer = await CounterOfficer.atCounter(server, 'quay4', 4);
      await supervisor.issue(officer.firstField());
      const number = await officer.callNext();
      await screen.waitCounterNumber(number, 5_000);
      await expectAccessible(screen.page, 'counter screen, calling');
      expect(await screen.page.getByRole('heading', { level: 2 }).filter({ has: screen.page.getByTestId('counter-number') }).count()).toBe(1);
      await board.waitLatestCall(number, 4, 5_000);
      await expectAccessible(board.page, 'hall board');
      await officer.finish();
      await officer.pause('Họp giao ban');
      await screen.waitCounterMode('paused');
      await expectAccessible(screen.page, 'counter screen, paused');
    } finally {
      await screen.close();
      await board.close();
    }

    const rating = await RatingPage.open(browser, server.url, 5);
    try {
      const officer = await CounterOfficer.atCounter(server, 'quay5', 5);
      await supervisor.issue(officer.firstField());
      await officer.callNext();
      await officer.start();
      await officer.finish();
      await rating.waitQuestion(5_000);
      await expectAccessible(rating.page, 'rating screen, the question');
      await rating.choose('bad');
      await expectAccessible(rating.page, 'rating screen, the reasons');
    } finally {
      await rating.close();
    }

    const muted = await DisplayPage.open(browser, server.url, { board: 'hall' }, { width: 1920, height: 1080 }, { blockAutoplay: true });
    try {
      const officer = await CounterOfficer.atCounter(server, 'quay6', 6);
      await supervisor.issue(officer.firstField());
      await officer.callNext();
      await muted.page.getByTestId('sound-unlock').waitFor({ timeout: 10_000 });
      await expectAccessible(muted.page, 'hall board asking to be touched for sound');
    } finally {
      await muted.close();
    }

    const pairing = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await pairing.goto(`${bare.url}/display/`);
      await pairing.getByTestId('pairing').waitFor();
      await expectAccessible(pairing, 'display pairing');
    } finally {
      await pairing.close();
    }
  });
});
