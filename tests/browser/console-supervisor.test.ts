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
  // An idle counter is reported after 2 s instead of 2 minutes, so the alert can be watched appearing.
  server = await ServerProcess.start({ demo: true, env: { LUOT_IDLE_ALERT_SECONDS: '2' } });
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

    // Counter 8 alone serves "Trả kết quả"; open, nobody calling, citizens waiting: the server raises counter_idle.
    const counter8 = await truth.counter(8);
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
    await supervisor.page.waitForTimeout(2_500);
    // At 1920 px every column heading of the fields table reads on one line.
    const headingLines = await board.page.getByTestId('fields-table').locator('thead th').evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(Math.max(...headingLines)).toBe(1);
    // …and neither table runs past its panel (no hidden column of buttons to scroll to).
    for (const table of ['fields-table', 'counters-table']) {
      const overflow = await board.page.getByTestId(table).evaluate((el) => {
        const panel = el.closest('.panel');
        return panel ? panel.scrollWidth - panel.clientWidth : 0;
      });
      expect(overflow, table).toBeLessThanOrEqual(1);
    }
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

  it('looks a number of today up, typed loosely, and tells its whole story in words, dossier code included', async () => {
    const land = await truth.fieldId('dat-dai-xay-dung');
    const ticket = await kiosk.issue(land);
    const at4 = await officerAt('quay4', 4);
    const at5 = await officerAt('quay5', 5);
    expect((await at4.truth.call('POST', `/api/counters/${at4.counterId}/call`, { ticketId: ticket.id })).status).toBe(200);
    await at4.truth.call('POST', `/api/counters/${at4.counterId}/start`);
    await at4.truth.call('POST', `/api/tickets/${ticket.id}/transfer`, { toCounterId: at5.counterId, note: 'Hồ sơ đất đai phức tạp, nhờ quầy 5' });
    expect((await at5.truth.call('POST', `/api/counters/${at5.counterId}/call`, { ticketId: ticket.id })).status).toBe(200);
    await at5.truth.call('POST', `/api/counters/${at5.counterId}/start`);
    await at5.truth.call('POST', `/api/counters/${at5.counterId}/finish`, { dossierCode: 'H12.34-260101-0042' });

    // “c7” for C007: lower case, no leading zeros, as a citizen reads it out.
    const loose = ticket.number.replace(/^(\D+)0*(\d+)$/, '$1$2').toLowerCase();
    await supervisor.page.getByTestId('lookup-number').fill(loose);
    await supervisor.page.getByTestId('lookup-submit').click();
    const found = supervisor.page.locator(`[data-testid="lookup-ticket"][data-number="${ticket.number}"]`);
    await found.waitFor();
    expect(await found.getByTestId('lookup-status').innerText()).toBe('Hiện nay: đã hoàn thành');
    const steps = await found.getByTestId('lookup-event').allInnerTexts();
    const kinds = await found.getByTestId('lookup-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds).toEqual(['issued', 'called', 'serving', 'transferred', 'called', 'serving', 'done']);
    const story = steps.join('\n');
    expect(story).toContain('Lấy số tại Kiosk');
    expect(story).toContain('Gọi đến Quầy số 4');
    expect(story).toContain('Chuyển từ Quầy số 4 đến Quầy số 5');
    expect(story).toContain('Ghi chú: Hồ sơ đất đai phức tạp, nhờ quầy 5');
    expect(story).toContain('Hoàn thành tại Quầy số 5');
    expect(story).toContain('Mã hồ sơ: H12.34-260101-0042');
    expect(story).toContain('Người thực hiện: Cán bộ quầy 5');
    expect(story.normalize('NFC')).toBe(story);
    await screenshot(supervisor.page, 'console-lookup');
    await supervisor.page.getByTestId('lookup-dialog').getByText('Quay lại').click();

    await supervisor.page.getByTestId('lookup-number').fill('Z999');
    await supervisor.page.getByTestId('lookup-submit').click();
    expect(await supervisor.page.getByTestId('lookup-none').innerText()).toBe('Hôm nay không có số Z999. Hãy xem lại số trên phiếu của công dân.');
    await supervisor.page.getByTestId('lookup-dialog').getByText('Quay lại').click();
  });
});

describe('idle-counter alerts follow the call order', () => {
  it('flags only the counter a citizen was sent to, not the others serving that field', async () => {
    const own = await ServerProcess.start({ demo: true, env: { LUOT_IDLE_ALERT_SECONDS: '2' } });
    const console_ = await ConsolePage.signedIn(browser, own, 'giamsat', { width: 1920, height: 1080 });
    try {
      const ownTruth = await ServerTruth.as(own, 'giamsat');
      const ticket = await (await KioskTaps.connect(own)).issue(await ownTruth.fieldId('chung-thuc'));
      const onBoard = new BoardPage(console_.page);
      await onBoard.board().waitFor();
      // Chứng thực is served by counters 2, 3 and 7; its one citizen is sent to counter 3.
      const counter3 = await ownTruth.counter(3);
      await onBoard.transferToCounter(ticket.number, counter3.id, 'Hồ sơ chứng thực nhiều trang');
      await expect.poll(async () => (await ownTruth.live()).alerts.some((a) => a.kind === 'counter_idle'), { timeout: 10_000 }).toBe(true);
      const idle = (await ownTruth.live()).alerts.filter((a) => a.kind === 'counter_idle').map((a) => a.counterId);
      expect(idle).toEqual([counter3.id]);
      // The board polls its figures: wait for the ones taken after the transfer.
      const only3 = async () => {
        const texts = await onBoard.alertTexts();
        return texts.includes('Quầy số 3 đang mở nhưng không gọi số') && !texts.includes('Quầy số 2 đang mở') && !texts.includes('Quầy số 7 đang mở');
      };
      await expect.poll(only3, { timeout: 15_000 }).toBe(true);
      expect((await onBoard.counterRow(2).getAttribute('class')) ?? '').not.toContain('row--warn');
    } finally {
      await console_.close();
      await own.dispose();
    }
  });
});
