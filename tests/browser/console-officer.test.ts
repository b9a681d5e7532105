import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let truth: ServerTruth;
let kiosk: KioskTaps;
let officer: ConsolePage | undefined;

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

describe('an officer at counter 1 (quay1)', () => {
  it('takes the counter, calls by keyboard, recalls, starts, finishes with a dossier code, transfers and pauses — each step as the server has it', async () => {
    const justice = await truth.fieldId('tu-phap-ho-tich');
    const certification = await truth.fieldId('chung-thuc');
    const [first, second, third] = [await kiosk.issue(justice), await kiosk.issue(justice), await kiosk.issue(justice)];
    if (!first || !second || !third) throw new Error('tickets not issued');

    officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    await desk.picker().waitFor();
    await desk.takeCounter(1);
    const counter = await truth.counter(1);
    expect(counter.officer?.name).toBe((await officer.signedInAs().innerText()).split(' · ')[0]);
    expect(await desk.counterName()).toBe('Quầy số 1');
    await expect.poll(() => desk.waitingNumbers()).toEqual([first.number, second.number, third.number]);
    expect(await desk.action('callNext').innerText()).toContain('G');

    // Call: the G key, as printed on the button.
    await desk.press('g');
    await desk.waitForCurrent(first.number, 'called');
    const current = (await truth.counter(1)).current;
    expect(current?.number).toBe(first.number);
    expect(current?.status).toBe('called');
    expect(await desk.action('callNext').isDisabled()).toBe(true);
    expect(await desk.waitingNumbers()).toEqual([second.number, third.number]);

    // Recall.
    await desk.press('l');
    await expect.poll(async () => (await truth.counter(1)).current?.recalls).toBe(1);
    await desk.page.getByTestId('current-recalls').waitFor();

    // Start serving.
    await desk.press('b');
    await desk.waitForCurrent(first.number, 'serving');
    expect((await truth.counter(1)).current?.status).toBe('serving');
    expect(await desk.action('recall').isDisabled()).toBe(true);

    // Finish with a dossier code: H opens the form with the code field focused, Enter sends it.
    await desk.press('h');
    await desk.dialog('finish').waitFor();
    await officer.page.keyboard.type('HS-2026-000123');
    const finishing = officer.page.waitForRequest((r) => r.url().endsWith(`/api/counters/${counter.id}/finish`));
    await officer.page.keyboard.press('Enter');
    expect((await finishing).postDataJSON()).toEqual({ dossierCode: 'HS-2026-000123' });
    await desk.waitForNoTicket();
    expect((await truth.ticket(first.id)).status).toBe('done');
    expect((await truth.counter(1)).current).toBeNull();
    expect(await desk.notice().innerText()).toBe(`Đã hoàn thành số ${first.number} (mã hồ sơ HS-2026-000123).`);

    // Transfer the next citizen to another field, with a note.
    await desk.press('g');
    await desk.waitForCurrent(second.number, 'called');
    await desk.press('c');
    await desk.dialog('transfer').waitFor();
    await officer.page.getByTestId('transfer-field').selectOption(String(certification));
    await officer.page.getByTestId('transfer-note').fill('Cần chứng thực bản sao trước');
    await officer.page.getByTestId('transfer-submit').click();
    await desk.waitForNoTicket();
    const moved = await truth.ticket(second.id);
    expect(moved.status).toBe('waiting');
    expect(moved.fieldId).toBe(certification);
    expect((await truth.counter(1)).current).toBeNull();
    expect(await desk.notice().innerText()).toBe(`Đã chuyển số ${second.number} đến Chứng thực.`);
    expect(await desk.waitingNumbers()).toEqual([third.number]);

    // Pause with a glossary reason (key 1 = họp), then resume: D both times.
    await desk.press('d');
    await desk.dialog('pause').waitFor();
    await officer.page.keyboard.press('1');
    await desk.waitForStatus('paused');
    const paused = await truth.counter(1);
    expect(paused.status).toBe('paused');
    expect(paused.pauseReason).toBe('họp');
    expect(await desk.statusText()).toBe('Tạm dừng — Lý do: họp');
    expect(await desk.action('callNext').isDisabled()).toBe(true);
    // A shortcut that cannot apply says why instead of doing nothing.
    await desk.press('g');
    expect(await desk.notice().innerText()).toBe('Quầy đang tạm dừng. Bấm “Tiếp tục làm việc” (phím D) trước.');
    await desk.press('d');
    await desk.waitForStatus('open');
    expect((await truth.counter(1)).status).toBe('open');
  });

  it('calls a chosen citizen, holds and returns them, marks the next one absent', async () => {
    const justice = await truth.fieldId('tu-phap-ho-tich');
    await kiosk.issue(justice);
    const chosen = await kiosk.issue(justice);

    officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    // quay1 still holds counter 1 from the walk before (one seat per counter, held by one session): the picker takes
    // it back by itself for the new session. Were it free, the officer would choose it.
    await desk.sitAt(1, (await truth.counter(1)).officer !== null);
    await desk.waitingRow(chosen.number).getByTestId('call-this').click();
    await desk.waitForCurrent(chosen.number, 'called');
    expect((await truth.counter(1)).current?.number).toBe(chosen.number);

    await desk.press('t');
    await desk.dialog('hold').waitFor();
    await officer.page.keyboard.type('Đi photo giấy tờ');
    await officer.page.keyboard.press('Enter');
    await desk.heldRow(chosen.number).waitFor();
    expect((await truth.ticket(chosen.id)).status).toBe('held');

    await desk.heldRow(chosen.number).getByTestId('return-held').click();
    await desk.waitingRow(chosen.number).waitFor();
    const back = await truth.ticket(chosen.id);
    expect(back.status).toBe('waiting');
    expect(back.counterId).toBe((await truth.counter(1)).id);

    // The returned ticket is called first (it was sent back to this counter), ahead of earlier arrivals.
    await desk.press('g');
    await desk.waitForCurrent(chosen.number, 'called');
    await desk.finishWithoutCode();

    // Whoever comes next does not come: absent, after a confirmation (Enter).
    await desk.callNextWhenFree();
    const next = await truth.calledAt(1);
    await desk.waitForCurrent(next.number, 'called');
    await desk.press('v');
    await desk.dialog('no-show').waitFor();
    await officer.page.keyboard.press('Enter');
    await desk.waitForNoTicket();
    expect((await truth.ticket(next.id)).status).toBe('no_show');
  });

  it('keeps its place through a server restart and a reload', async () => {
    await kiosk.issue(await truth.fieldId('tu-phap-ho-tich'));
    officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    await desk.desk().waitFor();
    await desk.press('g');
    const ticket = await truth.calledAt(1);
    await desk.waitForCurrent(ticket.number, 'called');

    await server.restart();
    // The live link comes back by itself and the fresh snapshot still has the officer at the counter.
    await expect.poll(() => officer?.connectionStatus(), { timeout: 20_000 }).toBe('Đã kết nối');
    await desk.waitForCurrent(ticket.number, 'called');
    await desk.press('b');
    await desk.waitForCurrent(ticket.number, 'serving');

    await officer.page.reload();
    await desk.waitForCurrent(ticket.number, 'serving');
    expect(await desk.counterName()).toBe('Quầy số 1');
    await desk.finishWithoutCode();
    expect((await truth.ticket(ticket.id)).status).toBe('done');
  }, 120_000); // a restart and a reload: room for a loaded machine
});
