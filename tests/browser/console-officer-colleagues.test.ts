import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { DisplayPage } from '../support/display-page.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let truth: ServerTruth;
let kiosk: KioskTaps;
let officer: ConsolePage | undefined;

// Officers at work beside each other: a desk pictured mid-visit, a citizen handed to another counter with a note,
// and leaving a counter (pause or close) as the screens and the supervisor see it.

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  truth = await ServerTruth.as(server, 'giamsat');
  kiosk = await KioskTaps.connect(server);
});
afterEach(async () => {
  await officer?.close();
  officer = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('officers at counters 1, 2 and 3', () => {
  it('is pictured at work: a priority citizen being served, others waiting', async () => {
    const justice = await truth.fieldId('tu-phap-ho-tich');
    await kiosk.issue(justice);
    await kiosk.issue(justice, 'disability');
    await kiosk.issue(justice);
    await kiosk.issue(justice, 'elderly');
    officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    await desk.sitAt(1, (await truth.counter(1)).officer !== null);
    await desk.press('g');
    const ticket = await truth.calledAt(1);
    await desk.waitForCurrent(ticket.number, 'called');
    await desk.press('b');
    await desk.waitForCurrent(ticket.number, 'serving');
    // The timer runs on its own between server messages.
    await expect.poll(() => desk.timer().innerText(), { timeout: 8_000 }).toMatch(/0:0[4-9]$/);
    await screenshot(officer.page, 'console-officer');
  });

  it('hands a citizen to counter 2 with a note that counter 2 reads; a hold’s note and a return are told apart', async () => {
    const justice = await truth.fieldId('tu-phap-ho-tich');
    const ticket = await kiosk.issue(justice);
    officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    await desk.sitAt(1, (await truth.counter(1)).officer !== null);
    // The citizen pictured in the test before is still at the desk: finish that visit first.
    if ((await truth.counter(1)).current !== null) {
      await desk.finishWithoutCode();
    }
    await desk.waitingRow(ticket.number).getByTestId('call-this').click();
    await desk.waitForCurrent(ticket.number, 'called');

    // Only counters that serve Tư pháp – Hộ tịch are offered (2 and 7 of the demo center), not counter 3 or 8.
    await desk.press('c');
    await desk.dialog('transfer').waitFor();
    await officer.page.getByTestId('transfer-mode-counter').check();
    const offered = await officer.page.getByTestId('transfer-counter').locator('option').allInnerTexts();
    expect(offered.map((o) => o.split(' — ')[0])).toEqual(['Quầy số 2', 'Quầy số 7']);
    await officer.page.getByTestId('transfer-counter').selectOption({ label: offered[0] ?? '' });
    const note = 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý';
    await officer.page.getByTestId('transfer-note').fill(note);
    await officer.page.getByTestId('transfer-submit').click();
    await desk.waitForNoTicket();
    expect((await truth.ticket(ticket.id)).handover).toMatchObject({ kind: 'transferred', fromCounterId: (await truth.counter(1)).id, note });

    // Counter 2's officer sees who sent it and why, in the list and once called.
    const colleague = await ConsolePage.signedIn(browser, server, 'quay2', { width: 1366, height: 768 });
    try {
      const desk2 = new DeskPage(colleague.page);
      await desk2.takeCounter(2);
      const row = desk2.waitingRow(ticket.number);
      await row.waitFor();
      expect(await row.getByTestId('handover').innerText()).toContain('Chuyển từ Quầy số 1');
      expect(await row.getByTestId('handover-note').innerText()).toBe(`Ghi chú: ${note}`);
      await row.getByTestId('call-this').click();
      await desk2.waitForCurrent(ticket.number, 'called');
      const current = colleague.page.getByTestId('current-ticket');
      expect(await current.getByTestId('handover').innerText()).toContain('Chuyển từ Quầy số 1');
      expect(await current.getByTestId('handover-note').innerText()).toBe(`Ghi chú: ${note}`);
      await screenshot(colleague.page, 'console-officer-handover');

      // Held with a note: the held list shows it. Returned: “Trả về từ tạm giữ”, not “Chuyển đến quầy này”.
      await desk2.press('t');
      await desk2.dialog('hold').waitFor();
      await colleague.page.keyboard.type('Đi photo CCCD');
      await colleague.page.keyboard.press('Enter');
      await desk2.heldRow(ticket.number).waitFor();
      expect(await desk2.heldRow(ticket.number).getByTestId('handover-note').innerText()).toBe('Ghi chú: Đi photo CCCD');
      await desk2.heldRow(ticket.number).getByTestId('return-held').click();
      await desk2.waitingRow(ticket.number).waitFor();
      const back = await desk2.waitingRow(ticket.number).getByTestId('handover').innerText();
      expect(back).toContain('Trả về từ tạm giữ');
      expect(back).toContain('Ghi chú: Đi photo CCCD');
      expect(back).not.toContain('Chuyển đến quầy này');
      await desk2.waitingRow(ticket.number).getByTestId('call-this').click();
      await desk2.waitForCurrent(ticket.number, 'called');
      await desk2.finishWithoutCode();
    } finally {
      await colleague.close();
    }
  });

  it('leaving the counter pauses or closes it, and the counter screen and the supervisor’s board say so', async () => {
    officer = await ConsolePage.signedIn(browser, server, 'quay3');
    const desk = new DeskPage(officer.page);
    await desk.takeCounter(3);
    const screen = await DisplayPage.open(browser, server.url, { counter: 3 });
    try {
      expect((await truth.counter(3)).status).toBe('open');
      await officer.page.getByTestId('action-leave').click();
      await officer.page.getByTestId('leave-pause').check();
      await screenshot(officer.page, 'console-officer-leave');
      await desk.chooseLeave({ counter: 'pause', reason: 'nghỉ giữa giờ' });
      await desk.picker().waitFor();
      expect(await truth.counter(3)).toMatchObject({ status: 'paused', pauseReason: 'nghỉ giữa giờ', officer: null });
      await screen.waitCounterMode('paused');
      expect(await screen.counterText()).toContain('Lý do: nghỉ giữa giờ');
      expect(await screen.counterText()).not.toContain('Xin vui lòng chờ gọi số tiếp theo');
      const open = (await truth.queue()).counters.filter((c) => c.status === 'open').length;

      // Back at the counter, then signing out at the end of the day: the same question, answered “close”.
      await desk.takeCounter(3);
      await desk.pauseButton().click(); // Tiếp tục làm việc
      await desk.waitForStatus('open');
      await officer.page.getByTestId('sign-out').click();
      await desk.chooseLeave({ counter: 'close' });
      await officer.loginForm().waitFor();
      expect(await truth.counter(3)).toMatchObject({ status: 'closed', officer: null });
      await screen.waitCounterMode('closed');
      expect((await truth.queue()).counters.filter((c) => c.status === 'open').length).toBe(open);

      const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
      try {
        const board = new BoardPage(supervisor.page);
        await board.board().waitFor();
        expect(await board.counterRow(3).innerText()).toContain('Đóng');
        const all = (await truth.queue()).counters;
        expect(await board.page.getByTestId('board-summary').innerText()).toContain(`${all.filter((c) => c.status === 'open').length}/${all.length}`);
      } finally {
        await supervisor.close();
      }
    } finally {
      await screen.close();
    }
  });
});
