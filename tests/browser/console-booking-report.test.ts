import type { BookingConfirmation, BookingReport } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { ReportsPage } from '../support/console-page-reports.ts';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
import { HELD_CLOCK_START, ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

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

const TUESDAY = '2026-11-24';
const at = (hhmm: string) => Date.parse(`${TUESDAY}T${hhmm}:00+07:00`);

async function book(fieldId: number, hhmm: string, phone: string): Promise<BookingConfirmation> {
  const res = await fetch(`${server.url}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fieldId, slotAt: at(hhmm), phone, name: 'Vũ Thị Mai' }) });
  expect(res.status).toBe(201);
  return (await res.json()) as BookingConfirmation;
}

describe('booked and walk-in citizens in the reports (supervisor)', () => {
  it('shows bookings per field, who came, who did not, and both kinds of wait, equal to the server’s report; nothing personal', async () => {
    const kiosk = await DemoKiosk.connect(server);
    const fieldB = await kiosk.fieldId('chung-thuc');
    // Monday: three citizens book Tuesday morning in Chứng thực.
    const early = await book(fieldB, '07:30', '0901 000 111');
    const eight = await book(fieldB, '08:00', '0901 000 222');
    const quarter = await book(fieldB, '08:15', '0901 000 333');
    // Tuesday 08:05. The 07:30 citizen never came: its deadline passed, and the server's booking job (run at start
    // and every minute) lapses it.
    await server.advanceClock(at('08:05') - HELD_CLOCK_START);
    await server.restart();
    const supervisor = await StaffApi.signIn(server, 'giamsat');
    await expect.poll(async () => (await supervisor.bookingsToday()).noShows.length, { timeout: 20_000 }).toBe(1);
    void early;

    // Two come and check in; a walk-in arrives too.
    expect((await kiosk.checkIn(eight.code)).timing).toBe('on_time');
    expect((await kiosk.checkIn(quarter.code)).timing).toBe('early');
    await kiosk.issue(fieldB);
    const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
    for (const wait of [4, 12, 6]) {
      await server.advanceClock(wait * 60_000);
      await officer.callNext();
      await server.advanceClock(5 * 60_000);
      await officer.finish();
    }

    const truth: BookingReport = await supervisor.bookingReport(TUESDAY, TUESDAY);
    expect(truth.bookings).toEqual({ onTime: 2, late: 0, lapsed: 1, cancelled: 0, booked: 0 });
    expect(truth.booked.called).toBe(2);
    expect(truth.walkIn.called).toBe(1);

    const console_ = await ConsolePage.signedIn(browser, server, 'giamsat');
    try {
      const reports = new ReportsPage(console_.page);
      await reports.open(`${TUESDAY}..${TUESDAY}/field`);
      const figures = console_.page.getByTestId('booking-figures');
      await figures.waitFor();
      const cell = (field: string, figure: string) => figures.locator(`[data-testid="booking-figures-row"][data-field="${field}"] [data-figure="${figure}"]`).innerText();
      for (const row of [...truth.fields.map((f) => ({ key: String(f.fieldId), ...f })), { key: 'all', ...truth }]) {
        const b = row.bookings;
        expect(await cell(row.key, 'made')).toBe(String(b.onTime + b.late + b.lapsed + b.cancelled + b.booked));
        expect(await cell(row.key, 'onTime')).toBe(String(b.onTime));
        expect(await cell(row.key, 'lapsed')).toBe(String(b.lapsed));
        expect(await cell(row.key, 'cancelled')).toBe(String(b.cancelled));
        const words = (w: BookingReport['booked']) => `trung bình ${String(w.meanWaitMinutes).replace('.', ',')} phút, 90% chờ không quá ${String(w.p90WaitMinutes).replace('.', ',')} phút (${w.called} người)`;
        expect(await cell(row.key, 'bookedWait')).toBe(words(row.booked));
        expect(await cell(row.key, 'walkInWait')).toBe(words(row.walkIn));
      }
      expect(truth.fields.map((f) => f.fieldId)).toEqual([fieldB]);
      const text = await figures.innerText();
      expect(text).toContain('Chứng thực');
      expect(text.normalize('NFC')).toBe(text);
      // Never a phone number, masked or not.
      expect(text).not.toMatch(/09xx|0901/);
      await figures.scrollIntoViewIfNeeded();
      await screenshot(console_.page, 'console-reports-bookings');

      // The live board shows the day's bookings per field and slot, and the no-show (its phone masked).
      await console_.goTo('#/board');
      const panel = console_.page.getByTestId('bookings-panel');
      await panel.waitFor();
      await expect.poll(() => console_.page.getByTestId('bookings-row').count()).toBe(3);
      expect(await console_.page.getByTestId('bookings-no-shows').innerText()).toBe('Không đến: 07:30 · Chứng thực 09xx xxx 111');
      await panel.scrollIntoViewIfNeeded();
      await screenshot(console_.page, 'console-board-bookings');
    } finally {
      await console_.close();
    }
  });
});
