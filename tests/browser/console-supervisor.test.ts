import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let truth: ServerTruth;
let kiosk: KioskTaps;
let supervisor: ConsolePage;
let board: BoardPage;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  truth = await ServerTruth.as(server, 'giamsat');
  kiosk = await KioskTaps.connect(server);
  supervisor = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
  board = new BoardPage(supervisor.page);
  await board.board().waitFor();
});
afterAll(async () => {
  await supervisor?.close();
  await browser?.close();
  await server?.dispose();
});

/** Signs in as an officer over the API and sits at a counter, as that officer's own console would. */
async function officerAt(username: string, counterNumber: number): Promise<{ truth: ServerTruth; counterId: number }> {
  const officer = await ServerTruth.as(server, username);
  const counterId = (await truth.counter(counterNumber)).id;
  expect((await officer.call('POST', `/api/counters/${counterId}/join`)).status).toBe(200);
  return { truth: officer, counterId };
}

describe('the supervisor’s live board (giamsat)', () => {
  it('shows the waiting figures as kiosks issue numbers, and an idle counter as an alert', async () => {
    const results = await truth.fieldId('tra-ket-qua');
    expect(await board.waitingIn('tra-ket-qua')).toBe(0);
    expect(await board.alerts('counter_idle').count()).toBe(0);

    const issued = [await kiosk.issue(results), await kiosk.issue(results), await kiosk.issue(results, 'elderly')];
    await expect.poll(() => board.waitingIn('tra-ket-qua')).toBe(3);
    const serverQueue = (await truth.queue()).queue.filter((t) => t.fieldId === results).map((t) => t.number);
    expect(serverQueue).toEqual(issued.map((t) => t.number));
    for (const ticket of issued) await board.queueTicket(ticket.number).waitFor();

    // Counter 8 alone serves "Trả kết quả"; open, nobody calling, citizens waiting: after two minutes (the
    // server's clock moved on, not waited for) the server raises counter_idle.
    const counter8 = await truth.counter(8);
    await server.advanceClock(2 * 60_000 + 1_000);
    await expect.poll(async () => (await truth.live()).alerts.some((a) => a.kind === 'counter_idle' && a.counterId === counter8.id)).toBe(true);
    await board.alerts('counter_idle').first().waitFor({ timeout: 15_000 });
    expect(await board.alertTexts()).toContain('Quầy số 8 đang mở nhưng không gọi số trong khi có công dân chờ');
    expect(await board.counterRow(8).getAttribute('class')).toContain('row--warn');
    const figures = (await truth.live()).fields.find((f) => f.fieldId === results);
    await expect.poll(async () => board.fieldRow('tra-ket-qua').getByTestId('field-served').innerText()).toBe(String(figures?.servedToday ?? 0));

    // Someone at counter 8 calls: the board follows the live stream, and the alert goes with the next figures.
    const at8 = await officerAt('quay8', 8);
    expect((await at8.truth.call('POST', `/api/counters/${at8.counterId}/call-next`)).status).toBe(200);
    await expect.poll(() => board.counterRow(8).getByTestId('counter-ticket').innerText()).toContain(issued[2]?.number ?? '?');
    await expect.poll(() => board.waitingIn('tra-ket-qua')).toBe(2);
    await expect.poll(async () => (await board.counterRow(8).getAttribute('class')) ?? '', { timeout: 15_000 }).not.toContain('row--warn');

    // More life on the board for its picture: a paused counter with its reason, an officer serving.
    const certification = await truth.fieldId('chung-thuc');
    for (let i = 0; i < 4; i++) await kiosk.issue(certification);
    await kiosk.issue(await truth.fieldId('tu-phap-ho-tich'), 'pregnancy');
    const at3 = await officerAt('quay3', 3);
    await at3.truth.call('POST', `/api/counters/${at3.counterId}/call-next`);
    await at3.truth.call('POST', `/api/counters/${at3.counterId}/start`);
    const at2 = await officerAt('quay2', 2);
    await at2.truth.call('POST', `/api/counters/${at2.counterId}/pause`, { reason: 'nghỉ giữa giờ' });
    await expect.poll(() => board.counterRow(2).getByTestId('counter-pause-reason').innerText()).toBe('nghỉ giữa giờ');
    await expect.poll(() => board.counterRow(3).getByTestId('counter-officer').innerText()).not.toBe('Chưa có cán bộ');
    // The figures fetched after the last change (the board fetches them shortly after each burst of changes).
    await supervisor.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/live', { timeout: 15_000 });
    await screenshot(supervisor.page, 'console-supervisor');
  });

  it('stops and resumes issuing for a field; the kiosk is refused meanwhile', async () => {
    const business = await truth.fieldId('dang-ky-kinh-doanh');
    await board.stopIssuing('dang-ky-kinh-doanh');
    await board.fieldRow('dang-ky-kinh-doanh').getByTestId('field-stopped').waitFor();
    expect((await truth.queue()).fields.find((f) => f.id === business)?.issuing).toBe(false);
    const refused = await kiosk.try(business);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'FIELD_NOT_ISSUING' });
    expect(await board.notice().innerText()).toBe('Đã ngừng cấp số cho lĩnh vực Đăng ký kinh doanh.');

    await board.fieldRow('dang-ky-kinh-doanh').getByTestId('toggle-issuing').click();
    await expect.poll(async () => (await truth.queue()).fields.find((f) => f.id === business)?.issuing).toBe(true);
    await expect.poll(() => board.fieldRow('dang-ky-kinh-doanh').getByTestId('field-stopped').count()).toBe(0);
    expect((await kiosk.try(business)).status).toBe(201);
  });

  it('cancels a ticket and sends another to a counter, from the queue', async () => {
    const land = await truth.fieldId('dat-dai-xay-dung');
    const mistaken = await kiosk.issue(land);
    const moving = await kiosk.issue(land);
    const counter5 = await truth.counter(5);

    await board.cancel(mistaken.number, 'Công dân lấy nhầm lĩnh vực');
    expect((await truth.ticket(mistaken.id)).status).toBe('cancelled');
    await expect.poll(() => board.queueTicket(mistaken.number).count()).toBe(0);

    await board.transferToCounter(moving.number, counter5.id, 'Hồ sơ đất đai phức tạp');
    const moved = await truth.ticket(moving.id);
    expect(moved.status).toBe('waiting');
    expect(moved.counterId).toBe(counter5.id);
    await board.queueTicket(moving.number).getByText('Chuyển đến Quầy số 5').waitFor();
  });

  it('closes an idle counter and opens it again', async () => {
    await board.counterRow(4).getByTestId('counter-close').click();
    await supervisor.page.getByTestId('close-dialog').getByTestId('confirm').click();
    await expect.poll(async () => (await truth.counter(4)).status).toBe('closed');
    await expect.poll(() => board.counterRow(4).getAttribute('data-status')).toBe('closed');
    await board.counterRow(4).getByTestId('counter-open').click();
    await expect.poll(async () => (await truth.counter(4)).status).toBe('open');
    await expect.poll(() => board.counterRow(4).getAttribute('data-status')).toBe('open');
  });
});
