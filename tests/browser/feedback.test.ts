import type { LoginResponse, Report, SatisfactionToday, TrackView } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { ReportsPage } from '../support/console-page-reports.ts';
import { CounterOfficer } from '../support/counter-officer.ts';
import { RatingPage } from '../support/rating-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { TrackPage } from '../support/track-page.ts';

const nfc = (text: string) => expect(text.normalize('NFC')).toBe(text);

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await ServerProcess.start({ demo: true });
});
afterAll(async () => {
  await server?.dispose();
  await browser?.close();
});

async function asSupervisor<T>(path: string): Promise<T> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'giamsat', password: server.account('giamsat').password }),
  });
  const { token } = (await login.json()) as LoginResponse;
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const supervisorToday = () => asSupervisor<SatisfactionToday>('/api/ratings/today');

async function fieldOf(officer: CounterOfficer): Promise<number> {
  const field = officer.counter.fieldIds[0];
  if (field === undefined) throw new Error('counter serves no field');
  return field;
}

describe('citizen feedback', () => {
  it('asks at the counter when a visit is finished, and stores one rating from one tap', async () => {
    const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
    const screen = await RatingPage.open(browser, server.url, 2);
    try {
      const before = await supervisorToday();
      await officer.issue(await fieldOf(officer));
      await officer.callNext();
      await officer.start();
      await officer.finish();
      const question = await screen.waitQuestion(2_000);
      expect(question).toContain('Ông/Bà có hài lòng với sự phục vụ?');
      for (const word of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']) expect(question).toContain(word);
      // The answers are set in the screen's own font, not the browser's default for buttons (Arial).
      const fontOf = (testId: string) => screen.page.getByTestId(testId).evaluate((el) => getComputedStyle(el).fontFamily);
      expect(await fontOf('rating-good')).toBe(await fontOf('rating-screen'));
      nfc(question);
      await screenshot(screen.page, 'rating-counter-question');

      await screen.choose('bad');
      await screen.reason('long_wait');
      await screenshot(screen.page, 'rating-counter-reasons');
      await screen.send();
      await screen.waitThanks();

      const after = await supervisorToday();
      expect(after.ratings).toBe(before.ratings + 1);
      const counter2 = after.counters.find((c) => c.counterNumber === 2);
      expect(counter2?.scores.bad).toBe((before.counters.find((c) => c.counterNumber === 2)?.scores.bad ?? 0) + 1);
      expect(after.reasons.long_wait).toBe(before.reasons.long_wait + 1);
      await screen.waitIdle(6_000);

      // The report counts it where the visit was finished: counter 2, today.
      const report = await asSupervisor<Report>('/api/reports?period=today&groupBy=counter');
      const row = report.rows.find((r) => r.key === officer.counter.id);
      expect(row?.satisfaction).toMatchObject({ ratings: counter2?.ratings, bad: counter2?.scores.bad, ratedShare: 1 });
      expect(report.total.satisfaction?.ratings).toBe(after.ratings);

      // The supervisor's live board shows today's satisfaction per counter.
      const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
      try {
        const board = new BoardPage(supervisor.page);
        await board.board().waitFor();
        const shownShare = `${((counter2?.satisfiedShare ?? 0) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
        await expect.poll(() => board.counterRow(2).getByTestId('counter-satisfaction').innerText()).toContain(shownShare);
        expect(await board.counterRow(2).getByTestId('counter-satisfaction').innerText()).toContain(`${counter2?.ratings} lượt đánh giá`);
        expect(await supervisor.page.getByTestId('satisfaction-bad').innerText()).toContain(String(after.scores.bad));
        expect(await supervisor.page.getByTestId('satisfaction-panel').innerText()).toContain('Chờ quá lâu (1)');
        await screenshot(supervisor.page, 'console-board-satisfaction');

        // And the reports screen, today by counter: counter 2's row shows its ratings.
        const reports = new ReportsPage(supervisor.page);
        await reports.open('today/counter');
        const shown = (await reports.rows()).rows.find((r) => r.key === String(officer.counter.id));
        expect(shown?.cells['satisfaction.ratings']).toBe(String(counter2?.ratings));
        expect(shown?.cells['satisfaction.ratedShare']).toBe('100,0');
      } finally {
        await supervisor.close();
      }
    } finally {
      await screen.close();
    }
  });

  it('goes back to the counter screen 30 s after asking, although the screen around it keeps updating', async () => {
    const officer = await CounterOfficer.atCounter(server, 'quay4', 4);
    const screen = await RatingPage.open(browser, server.url, 4, { stoppedClock: true });
    try {
      await officer.issue(await fieldOf(officer));
      await officer.callNext();
      await officer.finish();
      await screen.waitQuestion(5_000);
      // The screen checks the server's health every 15 s and re-renders with the answer: the question's
      // 30-second timer must not start again each time (it used to, and the question stayed for minutes).
      await screen.runWithHealthCheck(16_000);
      expect(await screen.isAsking()).toBe(true);
      await screen.page.clock.runFor(15_000);
      await screen.waitIdle(3_000);
      expect(await screen.page.getByTestId('counter-screen').count()).toBe(1);
    } finally {
      await screen.close();
    }
  });

  it('stops asking at the counter once the citizen has rated on the phone', async () => {
    const officer = await CounterOfficer.atCounter(server, 'quay5', 5);
    const screen = await RatingPage.open(browser, server.url, 5);
    try {
      const mine = await officer.issue(await fieldOf(officer));
      await officer.callNext();
      await officer.finish();
      await screen.waitQuestion(5_000);
      const phone = await TrackPage.open(browser, server.url, mine.trackingCode);
      try {
        await phone.rate('good');
        await phone.page.getByTestId('track-thanks').waitFor({ timeout: 5_000 });
      } finally {
        await phone.close();
      }
      // Well before the 30-second timeout: the counter's stream says the ticket is rated.
      await screen.waitIdle(5_000);
      const today = await supervisorToday();
      expect(today.counters.find((c) => c.counterNumber === 5)?.ratings).toBe(1);
    } finally {
      await screen.close();
    }
  });

  it('follows the ticket on a phone and shows the counter within a second of the call', async () => {
    const officer = await CounterOfficer.atCounter(server, 'quay3', 3);
    const field = await fieldOf(officer);
    await officer.issue(field);
    const mine = await officer.issue(field);
    const phone = await TrackPage.open(browser, server.url, mine.trackingCode);
    try {
      expect(await phone.status()).toBe('waiting');
      const text = await phone.text();
      expect(text).toContain(mine.ticket.number);
      expect(text).toContain('Số người chờ trước');
      expect(text).toContain('Thời gian chờ dự kiến');
      nfc(text);
      await screenshot(phone.page, 'track-waiting');

      await officer.callNext(); // the citizen before me
      await officer.start();
      await officer.finish();
      await officer.callNext();
      const called = Date.now();
      const shown = await phone.waitCounter(3, 1_000);
      expect(shown - called).toBeLessThan(1_000);
      expect(await phone.vibrations()).toBeGreaterThan(0);
      await screenshot(phone.page, 'track-called');

      await officer.start();
      await officer.finish();
      await phone.page.getByTestId('track-rating').waitFor({ timeout: 2_000 });
      await screenshot(phone.page, 'track-rate');
      await phone.rate('very-good');
      await phone.page.getByTestId('track-thanks').waitFor({ timeout: 2_000 });
      const view = (await (await fetch(`${server.url}/api/track/${mine.trackingCode}`)).json()) as TrackView;
      expect(view).toMatchObject({ status: 'done', rated: true, canRate: false });

      await phone.page.getByTestId('lang-en').click();
      expect(await phone.text()).toContain('Thank you for your rating!');
    } finally {
      await phone.close();
    }
  });
});
