import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { ServerProcess } from '../support/server-process.ts';

const hd = { width: 1920, height: 1080 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nfc = (text: string) => expect(text.normalize('NFC')).toBe(text);

let browser: Browser;

beforeAll(async () => {
  browser = await launchDisplayBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('counter screens and the hall board', () => {
  let server: ServerProcess;
  let kiosk: DemoKiosk;

  beforeAll(async () => {
    server = await ServerProcess.start({ demo: true });
    kiosk = await DemoKiosk.connect(server);
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('shows an officer’s call on the counter screen and the hall board within a second', async () => {
    const screen = await DisplayPage.open(browser, server.url, { counter: 1 });
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    try {
      const field = await kiosk.fieldId('tu-phap-ho-tich');
      for (let i = 0; i < 3; i++) await kiosk.issue(field);
      const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
      expect(await screen.counterText()).toContain('Xin vui lòng chờ gọi số tiếp theo');

      const number = await officer.callNext();
      const answered = Date.now();
      const [onScreen, onBoard] = await Promise.all([screen.waitCounterNumber(number, 1_000), board.waitLatestCall(number, 1, 1_000)]);
      expect(onScreen - answered).toBeLessThan(1_000);
      expect(onBoard - answered).toBeLessThan(1_000);

      expect(await screen.counterMode()).toBe('calling');
      const text = await screen.counterText();
      nfc(text);
      expect(text).toContain('Quầy số 1');
      expect(text).toContain('Xin mời công dân có số');
      expect(text).toContain('Tư pháp – Hộ tịch');
      expect(text).toContain('Cán bộ: ');
      const boardText = await board.boardText();
      nfc(boardText);
      expect(boardText).toContain('Trung tâm Phục vụ hành chính công phường Hiệp Tân (demo)'.toUpperCase());
      expect(await board.latestCallText()).toMatch(/Mời công dân có số\s+A\d{3}\s+QUẦY\s+1/);
      expect((await board.waiting())['tu-phap-ho-tich']).toBe(2);
      expect(await board.page.getByTestId('hall-notice').innerText()).toContain('Vui lòng giữ phiếu số thứ tự');
      expect(await board.page.getByTestId('clock').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4}\s+\d{2}:\d{2}/);

      // The flash ends by itself; the number stays, now as "called, waiting for the citizen".
      await screen.waitCounterMode('called', 10_000);
      await officer.start();
      await screen.waitCounterMode('serving');
      expect(await screen.counterText()).toContain('Đang phục vụ số');
    } finally {
      await screen.close();
      await board.close();
    }
  });

  it('shows “Tạm dừng” with the reason while paused and “Đóng” when closed', async () => {
    const screen = await DisplayPage.open(browser, server.url, { counter: 3 });
    try {
      const officer = await CounterOfficer.atCounter(server, 'quay3', 3);
      await officer.pause('Họp giao ban');
      await screen.waitCounterMode('paused');
      const paused = await screen.counterText();
      nfc(paused);
      expect(paused).toContain('Tạm dừng');
      expect(paused).toContain('Lý do: Họp giao ban');
      await screenshot(screen.page, 'display-counter-paused');

      await officer.resume();
      await screen.waitCounterMode('idle');
      await officer.close();
      await screen.waitCounterMode('closed');
      expect(await screen.counterText()).toContain('Đóng');
      await officer.open();
      await screen.waitCounterMode('idle');
    } finally {
      await screen.close();
    }
  });

  it('takes a held number off the big call at once, and the counter’s pause does not bring it back', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    try {
      const field = await kiosk.fieldId('dat-dai-xay-dung');
      await kiosk.issue(field);
      const officer = await CounterOfficer.atCounter(server, 'quay4', 4);
      const number = await officer.callNext();
      await board.waitLatestCall(number, 4);
      await officer.hold('Đi photo giấy tờ');
      await officer.pause('Họp giao ban');
      // The big call is now another number still at its counter, or “please wait”: never the one held aside.
      await board.page.waitForFunction((n) => document.querySelector('[data-testid="hall-latest"]')?.getAttribute('data-number') !== n, number, { timeout: 5_000 });
      expect(await board.latestCallText()).not.toContain(number);
      expect(await board.recentCalls()).toContain(`${number}→4`);
      await officer.resume();
    } finally {
      await board.close();
    }
  });

  it('announces two calls 100 ms apart one after the other, and a recall again', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' });
    try {
      await kiosk.issue(await kiosk.fieldId('dat-dai-xay-dung'));
      await kiosk.issue(await kiosk.fieldId('tra-ket-qua'));
      const first = await CounterOfficer.atCounter(server, 'quay4', 4);
      const second = await CounterOfficer.atCounter(server, 'quay8', 8);

      const calls = [first.callNext(), sleep(100).then(() => second.callNext())];
      const [a, b] = await Promise.all(calls);
      const played = await board.waitAnnouncements(2);
      expect(played.map((p) => [p.number, p.counter, p.recall])).toEqual([
        [a, 4, false],
        [b, 8, false],
      ]);
      for (const p of played) {
        // The server's WAV (chime + sentence), heard to its end: a few seconds, not a blip.
        expect(p.source).toBe('server');
        expect(p.skipped).toBeNull();
        expect((p.endedAt ?? 0) - (p.startedAt ?? 0)).toBeGreaterThan(1_000);
      }
      expect(played[1]?.startedAt ?? 0).toBeGreaterThanOrEqual(played[0]?.endedAt ?? Infinity);

      await first.recall();
      const all = await board.waitAnnouncements(3);
      expect(all[2]).toMatchObject({ number: a, counter: 4, recall: true, source: 'server' });
      expect(all[2]?.startedAt ?? 0).toBeGreaterThanOrEqual(all[1]?.endedAt ?? Infinity);
      expect(await board.latestCallText()).toContain('Gọi lại');
    } finally {
      await board.close();
    }
  });

  it('falls back to a chime made in the browser when the server has no voice route', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' });
    try {
      // As a server from before the voice route answers: 404 with the error body.
      await board.context.route('**/api/voice/call?*', (route) =>
        route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: { vi: '', en: '' } }) }),
      );
      await kiosk.issue(await kiosk.fieldId('lao-dong-xa-hoi'));
      const officer = await CounterOfficer.atCounter(server, 'quay7', 7);
      const number = await officer.callNext();
      const [played] = await board.waitAnnouncements(1);
      expect(played).toMatchObject({ number, counter: 7, source: 'chime', skipped: null });
      expect((played?.endedAt ?? 0) - (played?.startedAt ?? 0)).toBeGreaterThan(1_000);
    } finally {
      await board.close();
    }
  });

  it('asks for one tap when the browser blocks sound, then reads the call', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, undefined, { blockAutoplay: true });
    try {
      await kiosk.issue(await kiosk.fieldId('dang-ky-kinh-doanh'));
      const officer = await CounterOfficer.atCounter(server, 'quay5', 5);
      const number = await officer.callNext();
      const overlay = board.page.getByTestId('sound-unlock');
      await overlay.waitFor({ timeout: 10_000 });
      expect(await overlay.innerText()).toContain('Chạm để bật âm thanh');
      await overlay.click();
      await overlay.waitFor({ state: 'detached' });
      const [played] = await board.waitAnnouncements(1);
      expect(played).toMatchObject({ number, counter: 5, source: 'server', skipped: null });
    } finally {
      await board.close();
    }
  });
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

      // Right after the restart, possibly before the screens are back: finish and call the next citizen.
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

      await sleep(3_500); // idle past the token's lifetime
      await server.restart();
      await board.waitOnline(20_000);
      await expect.poll(() => board.renewals.length, { timeout: 10_000 }).toBeGreaterThan(renewalsBefore);
      const tokenAfter = await board.token();
      expect(tokenAfter).not.toBeNull();
      expect(tokenAfter).not.toBe(tokenBefore);

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

describe('screenshots', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.start({ demo: true });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('of a counter screen with a called number and of a busy hall board', async () => {
    const kiosk = await DemoKiosk.connect(server);
    const codes = ['tu-phap-ho-tich', 'chung-thuc', 'dat-dai-xay-dung', 'dang-ky-kinh-doanh', 'lao-dong-xa-hoi', 'tra-ket-qua'];
    const ids = await Promise.all(codes.map((code) => kiosk.fieldId(code)));
    const counts = [9, 5, 3, 4, 2, 6];
    for (const [i, id] of ids.entries()) for (let n = 0; n < (counts[i] ?? 0); n++) await kiosk.issue(id);

    const screen = await DisplayPage.open(browser, server.url, { counter: 3 });
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    try {
      const calls: [string, number][] = [['quay8', 8], ['quay1', 1], ['quay5', 5], ['quay4', 4], ['quay2', 2], ['quay6', 6], ['quay3', 3]];
      let last = '';
      for (const [username, counter] of calls) {
        const officer = await CounterOfficer.atCounter(server, username, counter);
        last = await officer.callNext();
        await board.waitLatestCall(last, counter);
      }
      await screen.waitCounterNumber(last);
      // After the flash: the steady picture a citizen sees most of the time.
      await screen.waitCounterMode('called', 10_000);
      await screenshot(screen.page, 'display-counter');
      expect(await board.recentCalls()).toHaveLength(4);
      await sleep(3_000); // the newest call's pulse is over
      await screenshot(board.page, 'display-hall');
    } finally {
      await screen.close();
      await board.close();
    }
  });
});
