import { startFakePrinter, type FakePrinter } from '@luot/server/test-support/fake-printer';
import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';
import { TrackPage } from '../support/track-page.ts';

let server: ServerProcess;
let browser: Browser;
let admin: StaffApi;
let supervisor: StaffApi;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  admin = await StaffApi.signIn(server, 'admin');
  supervisor = await StaffApi.signIn(server, 'giamsat');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});
// Citizens come seconds apart. On the held clock no time passes between tests, so the demo kiosk's pace bucket
// (five at once, then one a second) would run dry across tests: let a few seconds pass before each one.
beforeEach(async () => {
  await server.advanceClock(5_000);
});

const orientations = [
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
] as const;

/** ESC/POS "GS v 0": the raster image every receipt is drawn as. */
const rasterCommand = Buffer.from([0x1d, 0x76, 0x30]);
const receiptsPrinted = (printer: FakePrinter) => printer.jobs().filter((job) => job.includes(rasterCommand)).length;

/** The IPv4 addresses of this machine other than loopback and link-local: where phones on its network reach it. */
function machineLanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
    .map((a) => a?.address ?? '');
}

/** 'A023' → 'A024'. */
function nextNumber(number: string): string {
  const m = /^(\D*)(\d+)$/.exec(number);
  if (!m?.[2]) throw new Error(`not a ticket number: ${number}`);
  return `${m[1] ?? ''}${String(Number(m[2]) + 1).padStart(m[2].length, '0')}`;
}

describe.each(orientations)('the kiosk in $name', ({ name, viewport }) => {
  let printer: FakePrinter;
  let kiosk: KioskPage;

  beforeEach(async () => {
    // Each test gets its own printer, so receipts still queued by an earlier test cannot be counted here.
    printer = await startFakePrinter('online');
    await admin.useKioskPrinter(`Máy in kiosk (${name}, ${Date.now()})`, printer.uri);
    kiosk = await KioskPage.open(browser, server.url, viewport);
  });
  afterEach(async () => {
    await kiosk?.close();
    await printer?.close();
  });

  it('tap a field → the number is on screen and the receipt was printed', async () => {
    const field = await supervisor.field('tu-phap-ho-tich');
    // A few citizens already waiting, so the screens show real counts and an estimate.
    for (let i = 0; i < 3; i++) await supervisor.issue(field.id);
    const ahead = (await supervisor.waitingIn(field.id)).length;
    await expect.poll(() => kiosk.fieldTile(field.code).innerText()).toContain(`Đang chờ: ${ahead} người`);
    await screenshot(kiosk.page, `kiosk-home-${name}`);

    await kiosk.chooseField(field.code);
    const number = await kiosk.takeNumber();

    expect(number).toMatch(/^A\d{3}$/);
    const text = await kiosk.ticketText();
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toContain('Số thứ tự của Ông/Bà');
    expect(text).toContain('Tư pháp – Hộ tịch');
    expect(text).toContain(`Số người đang chờ trước Ông/Bà: ${ahead}`);
    expect(text).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
    expect(text).toMatch(/Thời gian chờ dự kiến: khoảng \d+ phút/);
    expect(text).toContain('Xin mời nhận phiếu số thứ tự ở máy in.');
    expect(await supervisor.waitingIn(field.id)).toContain(number);
    await expect.poll(() => receiptsPrinted(printer)).toBe(1);
    await screenshot(kiosk.page, `kiosk-ticket-${name}`);
    // This kiosk reached the server at 127.0.0.1, which a phone cannot open: the QR code leads to the LAN address.
    const [link] = printer.qrTexts();
    const lan = machineLanAddresses();
    if (lan.length > 0) expect(lan.map((a) => `http://${a}:${server.port}`)).toContain(new URL(link ?? '').origin);
    else expect(server.output).toContain('No LAN address found');

    await kiosk.done();
  });

  it('a priority citizen called next is told nobody is ahead and “sắp đến lượt”, on the kiosk as on the phone', async () => {
    const field = await supervisor.field('lao-dong-xa-hoi');
    // A citizen without priority is already waiting; a counter serving the field is open and free.
    await supervisor.issue(field.id);
    await kiosk.chooseField(field.code);
    const code = kiosk.issuedCode();
    const number = await kiosk.takePriorityNumber('elderly');
    expect(number).toMatch(/^E\d{3}$/);
    const text = await kiosk.ticketText();
    expect(text).toContain('Số người đang chờ trước Ông/Bà: 0');
    expect(text).toContain('Thời gian chờ dự kiến: sắp đến lượt');
    expect(text).not.toContain('0 phút');

    const phone = await TrackPage.open(browser, server.url, await code);
    try {
      expect(await phone.page.getByTestId('track-ahead').innerText()).toBe('0');
      expect(await phone.page.getByTestId('track-wait').innerText()).toBe('sắp đến lượt');
    } finally {
      await phone.close();
    }
    await kiosk.done();
    // The other orientation's run starts from an empty queue again.
    await supervisor.cancelWaiting(field.id);
  });

  it('a citizen who switched to English gets the receipt in English', async () => {
    const field = await supervisor.field('tu-phap-ho-tich');
    await kiosk.page.getByTestId('lang-en').tap();
    await kiosk.chooseField(field.code);
    const asked = kiosk.page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/tickets'));
    await kiosk.takeNumber();
    // The receipt's language travels with the request; the server test prints it (printing.test.ts).
    expect((await asked).postDataJSON()).toMatchObject({ fieldId: field.id, lang: 'en' });
    expect(await kiosk.ticketText()).toContain('Your number');
    await expect.poll(() => receiptsPrinted(printer)).toBe(1);
    await kiosk.done();
  });

  it('a double tap on "Lấy số" gives one number and one receipt', async () => {
    const field = await supervisor.field('chung-thuc');
    let receipts = 0;
    for (const how of ['touch', 'script'] as const) {
      const before = await supervisor.waitingIn(field.id);
      await kiosk.chooseField(field.code);
      const number = await kiosk.doubleTapTakeNumber(how);
      // Every number request the kiosk sent is answered (the answer comes after the print attempt), so a
      // second one, had it been sent, is counted below.
      await kiosk.issuesSettled();

      const after = await supervisor.waitingIn(field.id);
      expect(after.length, `${how}: waiting tickets`).toBe(before.length + 1);
      expect(after).toContain(number);
      receipts += 1;
      await expect.poll(() => receiptsPrinted(printer), { message: `${how}: receipts` }).toBe(receipts);
      // The series moved by exactly one: the next ticket is the very next number.
      expect((await supervisor.issue(field.id)).ticket.number, `${how}: next number`).toBe(nextNumber(number));
      await kiosk.done();
    }
  });

  it('server down → banner; server back → banner gone by itself and a number can be taken', async () => {
    const field = await supervisor.field('dat-dai-xay-dung');
    await expect(kiosk.offlineBanner().count()).resolves.toBe(0);

    await server.stop();
    await kiosk.offlineBanner().waitFor({ timeout: 15_000 });
    expect(await kiosk.offlineBanner().innerText()).toContain('Mất kết nối với máy chủ…');

    await server.restart();
    await kiosk.offlineBanner().waitFor({ state: 'detached', timeout: 20_000 });
    await kiosk.chooseField(field.code);
    const number = await kiosk.takeNumber();
    expect(number).toMatch(/^C\d{3}$/);
    expect(await supervisor.waitingIn(field.id)).toContain(number);
    await expect.poll(() => receiptsPrinted(printer)).toBe(1);
  });

  it('a number asked for while the server is down arrives, once, when it returns', async () => {
    const field = await supervisor.field('tra-ket-qua');
    const before = await supervisor.waitingIn(field.id);

    await server.stop();
    await kiosk.offlineBanner().waitFor({ timeout: 15_000 });
    await kiosk.chooseField(field.code);
    await kiosk.page.getByTestId('take-number').tap();
    await kiosk.page.getByText('Mất kết nối với máy chủ. Máy đang tự thử lại, vui lòng chờ…').waitFor();
    // Several retries go out while the server is away, all with the same idempotency key.
    const attempts = kiosk.issueAttempts();
    await expect.poll(() => kiosk.issueAttempts(), { timeout: 15_000 }).toBeGreaterThanOrEqual(attempts + 2);

    await server.restart();
    const number = await kiosk.shownNumber();
    expect(number).toMatch(/^F\d{3}$/);
    const after = await supervisor.waitingIn(field.id);
    expect(after.length).toBe(before.length + 1);
    expect(after).toContain(number);
  });

  it('printer out of paper → the number stays on screen with a note to remember it', async () => {
    const field = await supervisor.field('dang-ky-kinh-doanh');
    printer.setMode('paper_out');

    await kiosk.chooseField(field.code);
    const number = await kiosk.takeNumber();

    expect(number).toMatch(/^D\d{3}$/);
    await kiosk.printerProblem().waitFor();
    const note = await kiosk.printerProblem().innerText();
    expect(note).toContain('Máy in đang gặp sự cố. Vui lòng ghi nhớ số thứ tự hoặc chụp ảnh màn hình.');
    expect(note).toContain('Máy in hết giấy');
    expect(receiptsPrinted(printer)).toBe(0);
    expect(await supervisor.waitingIn(field.id)).toContain(number);
    await screenshot(kiosk.page, `kiosk-printer-problem-${name}`);
  });
});

describe('a kiosk whose device token expired (switched off over a holiday)', () => {
  it('renews the token by itself and the citizen still gets one number', async () => {
    // Three-second tokens: the kiosk's token runs out while the citizen is on the "Lấy số" screen.
    const short = await ServerProcess.start({ demo: true, env: { LUOT_DEVICE_TOKEN_SECONDS: '3' } });
    const kiosk = await KioskPage.open(browser, short.url, orientations[0].viewport);
    try {
      const staff = await StaffApi.signIn(short, 'giamsat');
      const field = await staff.field('chung-thuc');
      const firstToken = await kiosk.storedToken();
      await kiosk.chooseField(field.code);
      await short.advanceClock(4_000);

      const number = await kiosk.takeNumber();
      expect(await staff.waitingIn(field.id)).toEqual([number]);
      const renewed = await kiosk.storedToken();
      expect(renewed).not.toBeNull();
      expect(renewed).not.toBe(firstToken);
      expect(await kiosk.page.getByTestId('pairing-screen').count()).toBe(0);
    } finally {
      await kiosk.close();
      await short.dispose();
    }
  });
});
