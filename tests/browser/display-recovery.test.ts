import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { ServerProcess } from '../support/server-process.ts';

// The counter screens and the hall board come back by themselves: after a server restart, and with an expired
// device token.

const hd = { width: 1920, height: 1080 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchDisplayBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a server restart', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.start({ demo: true });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('shows “Mất kết nối”, then the true state by itself, including a call made right after the restart', async () => {
    const kiosk = await DemoKiosk.connect(server);
    const field = await kiosk.fieldId('chung-thuc');
    for (let i = 0; i < 3; i++) await kiosk.issue(field);
    const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
    const screen = await DisplayPage.open(browser, server.url, { counter: 2 });
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    try {
      const before = await officer.callNext();
      await Promise.all([screen.waitCounterNumber(before), board.waitLatestCall(before, 2)]);

      const restarted = server.restart();
      const [screenLost, boardLost] = await Promise.all([screen.waitLost(), board.waitLost()]);
      expect(screenLost).toContain('Mất kết nối');
      expect(boardLost).toContain('Mất kết nối');
      await restarted;

      // Right after the restart, possibly before the screens are back: finish and call the next citizen. A few
      // seconds pass first, as they do at a real desk: on a clock that stood still, the new call would carry the same
      // instant as the last one the board heard, and the board reads out only calls newer than that (call-tracker).
      await server.advanceClock(5_000);
      await officer.finish();
      const after = await officer.callNext();
      await Promise.all([screen.waitCounterNumber(after, 15_000), board.waitLatestCall(after, 2, 15_000)]);
      await Promise.all([screen.waitOnline(), board.waitOnline()]);
      expect(await screen.page.getByTestId('connection-lost').count()).toBe(0);
      expect(await board.page.getByTestId('connection-lost').count()).toBe(0);
      expect((await board.waiting())['chung-thuc']).toBe(1);
      expect(await board.recentCalls()).toContain(`${before}→2`);
      // Heard too: a call made while the board was reconnecting is read out from the fresh snapshot.
      await expect.poll(async () => (await board.announcements()).map((a) => a.number), { timeout: 20_000 }).toContain(after);
    } finally {
      await screen.close();
      await board.close();
    }
  });
});

describe('an expired device session', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.start({ demo: true, env: { LUOT_DEVICE_TOKEN_SECONDS: '3' } });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('is renewed by the hall board itself, which keeps working', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' });
    try {
      const kiosk = await DemoKiosk.connect(server);
      const field = await kiosk.fieldId('lao-dong-xa-hoi');
      await kiosk.issue(field);
      await kiosk.issue(field);
      const officer = await CounterOfficer.atCounter(server, 'quay6', 6);
      const tokenBefore = await board.token();
      const renewalsBefore = board.renewals.length;

      await server.advanceClock(3_500); // idle past the token's lifetime
      await server.restart();
      await board.waitOnline(20_000);
      await expect.poll(() => board.renewals.length, { timeout: 10_000 }).toBeGreaterThan(renewalsBefore);
      const tokenAfter = await board.token();
      expect(tokenAfter).not.toBeNull();
      expect(tokenAfter).not.toBe(tokenBefore);

      await server.advanceClock(3_500); // and past the renewed token's lifetime too
      const number = await officer.callNext();
      await board.waitLatestCall(number, 6, 5_000);
      // The call's audio is fetched with a token that has expired again by now: renewed, then played.
      const [played] = await board.waitAnnouncements(1);
      expect(played).toMatchObject({ number, counter: 6, source: 'server' });
      expect(await board.link()).toBe('online');
    } finally {
      await board.close();
    }
  });
});
