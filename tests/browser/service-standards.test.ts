import type { AdminCounter, StaffingPlan } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAnimations } from '../support/animations.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { CounterOfficer } from '../support/counter-officer.ts';
import { DisplayPage } from '../support/display-page.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { HELD_CLOCK_START, ServerProcess } from '../support/server-process.ts';

const hd = { width: 1920, height: 1080 };
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Marks a counter as a priority counter through the admin API, as the counter dialog does. */
async function makePriorityCounter(admin: ServerTruth, number: number, priorityMode: AdminCounter['priorityMode']): Promise<void> {
  const { body } = await admin.call('GET', '/api/admin/counters');
  const counter = (body as AdminCounter[]).find((c) => c.number === number);
  if (!counter) throw new Error(`no counter ${number}`);
  const { id, active: _active, ...rest } = counter;
  const res = await admin.call('PUT', `/api/admin/counters/${id}`, { ...rest, priorityMode });
  expect(res.status).toBe(200);
}

describe('published service standards on the citizens’ screens', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.start({ demo: true });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('the kiosk shows each field’s committed wait and usual service time on its button', async () => {
    const admin = await ServerTruth.as(server, 'admin');
    const fields = (await admin.call('GET', '/api/admin/fields')).body as { id: number; code: string; targetWaitMinutes: number; serviceMinutes?: number }[];
    const kiosk = await KioskPage.open(browser, server.url, hd);
    try {
      for (const f of fields.filter((x) => x.serviceMinutes !== undefined).slice(0, 3)) {
        await expect
          .poll(() => kiosk.fieldTile(f.code).getByTestId('field-charter').innerText())
          .toBe(`Chờ tối đa ~${f.targetWaitMinutes} phút · Giải quyết ~${f.serviceMinutes} phút`);
      }
      await screenshot(kiosk.page, 'kiosk-charter');
    } finally {
      await kiosk.close();
    }
  });

  it('the hall board shows the charter with today’s share called on time, and names the priority counter, which calls priority first', async () => {
    const admin = await ServerTruth.as(server, 'admin');
    await makePriorityCounter(admin, 1, 'priority_then_normal');
    const kiosk = await KioskTaps.connect(server);
    const field = await admin.fieldId('tu-phap-ho-tich');
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    const screen = await DisplayPage.open(browser, server.url, { counter: 1 });
    try {
      const normal = await kiosk.issue(field);
      const elderly = await kiosk.issue(field, 'elderly');
      const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
      // The priority counter calls the elderly citizen first, though the other came earlier.
      expect(await officer.callNext()).toBe(elderly.number);
      await screen.waitCounterNumber(elderly.number, 5_000);
      await expect.poll(() => screen.page.getByTestId('counter-priority').innerText()).toContain('QUẦY ƯU TIÊN');
      expect(await screen.page.getByTestId('counter-priority').innerText()).toContain('Người cao tuổi, người khuyết tật, phụ nữ mang thai');
      await finishAnimations(screen.page, 'counter-flash');
      await screenshot(screen.page, 'counter-priority');
      await officer.finish();
      expect(await officer.callNext()).toBe(normal.number);

      await board.waitLatestCall(normal.number, 1, 5_000);
      await expect.poll(() => board.page.getByTestId('hall-priority-counters').innerText()).toContain('Quầy ưu tiên: 1');
      const row = board.page.locator('[data-testid="hall-waiting"][data-field="tu-phap-ho-tich"]').getByTestId('hall-charter');
      // Both called at once on the held clock: 100 % on time today.
      await expect.poll(() => row.innerText()).toContain('hôm nay 100% đúng hẹn');
      expect(await row.innerText()).toContain('Chờ ≤ 30 phút');
      await finishAnimations(board.page, 'hall-new-call');
      await screenshot(board.page, 'hall-board-charter');
    } finally {
      await board.close();
      await screen.close();
    }
  });
});

describe('the weekly staffing plan in the console (giamsat)', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    // The records of last week: the held clock starts a week early, on Monday 09:00.
    server = await ServerProcess.start({ demo: true, clock: HELD_CLOCK_START - WEEK });
    const kiosk = await KioskTaps.connect(server);
    const truth = await ServerTruth.as(server, 'giamsat');
    const land = await truth.fieldId('tu-phap-ho-tich');
    const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
    // 09:00–11:00: twelve citizens an hour at five-minute steps, each called at once and finished after 12 minutes,
    // so one counter cannot keep up and the plan asks for more.
    for (let i = 0; i < 24; i++) {
      await kiosk.issue(land);
      await server.advanceClock(5 * 60_000);
    }
    for (let i = 0; i < 24; i++) {
      await officer.callNext();
      await server.advanceClock(12 * 60_000);
      await officer.finish();
    }
    await server.advanceClock(WEEK - 24 * 5 * 60_000 - 24 * 12 * 60_000);
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('shows counters needed per weekday and hour with the gap, the same as the server’s plan, and a what-if', async () => {
    const truth = await ServerTruth.as(server, 'giamsat');
    const plan = (await truth.call('GET', '/api/staffing/plan')).body as StaffingPlan;
    const cells = plan.cells.filter((c) => c.weekday === 0);
    expect(cells.length).toBeGreaterThan(0);
    const console = await ConsolePage.signedIn(browser, server, 'giamsat', hd);
    try {
      await console.navLink('staffing').click();
      const table = console.page.getByTestId('staffing-table');
      await table.waitFor();
      for (const hour of new Set(cells.map((c) => c.hour))) {
        const needed = cells.filter((c) => c.hour === hour).reduce((a, c) => a + c.needed, 0);
        await expect.poll(() => console.page.locator(`[data-testid="staffing-cell"][data-day="0"][data-hour="${hour}"]`).getAttribute('data-needed')).toBe(String(needed));
      }
      // What if: one counter in the busiest hour of Tư pháp – Hộ tịch is not enough; the advice is.
      await console.page.getByTestId('staffing-field').selectOption({ label: (await console.page.getByTestId('staffing-field').locator('option').nth(1).innerText()) });
      const whatIf = console.page.getByTestId('staffing-what-if');
      await whatIf.getByTestId('what-if-counters').fill('1');
      await expect.poll(() => whatIf.getByTestId('what-if-result').innerText()).toMatch(/Không đủ quầy|Thời gian chờ trung bình/);
      await console.page.getByTestId('staffing-field').selectOption('');
      await screenshot(console.page, 'console-staffing-plan');
    } finally {
      await console.close();
    }
  });
});
