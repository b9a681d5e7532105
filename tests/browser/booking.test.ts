import type { BookingConfirmation, SlotList } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

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

const nfc = (text: string) => expect(text.normalize('NFC')).toBe(text);

describe('remote numbers and appointments', () => {
  it('a citizen books a slot on a 360 px phone, sees the code and its QR code, and can cancel it', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/book/`);
      await page.getByTestId('book-field-A').waitFor();
      const home = await page.getByTestId('book-page').innerText();
      expect(home).toContain('Ông/Bà cần làm thủ tục về lĩnh vực nào?');
      nfc(home);
      await screenshot(page, 'booking-phone-fields');
      await page.getByTestId('book-field-A').tap();
      await page.getByTestId('book-slot').tap();
      // The held clock is Monday 23 November: Tuesday is the first day offered.
      await page.getByTestId('book-day-2026-11-24').tap();
      await page.getByTestId('book-time-08:00').waitFor();
      await screenshot(page, 'booking-phone-times');
      await page.getByTestId('book-time-08:00').tap();
      await page.getByTestId('book-name').fill('Nguyễn Thị Hoa');
      await page.getByTestId('book-phone').fill('0912 345 123');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, 'booking-phone-details');
      await page.getByTestId('book-submit').tap();
      await page.getByTestId('book-code').waitFor();
      const code = await page.getByTestId('book-code').innerText();
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect(await page.getByTestId('book-when').innerText()).toBe('08:00, Thứ Ba, 24/11');
      expect(await page.locator('.book__qr svg').count()).toBe(1);
      expect(await page.getByTestId('book-card').innerText()).toContain('09xx xxx 123');
      // Nothing sideways: the page fits the phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, 'booking-phone-confirmed');
      // The link in the address bar reopens it (another visit), and it can be cancelled there.
      expect(page.url()).toContain(`#${code}`);
      await page.reload();
      await page.getByTestId('book-cancel').tap();
      await expect.poll(() => page.getByTestId('book-status').getAttribute('data-status')).toBe('cancelled');
    } finally {
      await context.close();
    }
  });

  it('a citizen changes the time from the confirmation link on a 360 px phone: a full slot cannot be picked, the old one is freed', async () => {
    const admin = await StaffApi.signIn(server, 'admin');
    const fieldA = (await admin.field('tu-phap-ho-tich')).id;
    const before = await admin.bookingSettings();
    // One place per slot of this field, so one other citizen fills 09:15.
    await admin.changeBooking({ capacityOverrides: { ...before.capacityOverrides, [String(fieldA)]: 1 } });
    const at = (hhmm: string) => Date.parse(`2026-11-25T${hhmm}:00+07:00`);
    const book = async (slotAt: number, phone: string, name: string) => {
      const res = await fetch(`${server.url}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fieldId: fieldA, slotAt, phone, name }) });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as BookingConfirmation;
    };
    const left = async (time: string) => {
      const list = (await (await fetch(`${server.url}/api/bookings/slots?fieldId=${fieldA}&day=2026-11-25`)).json()) as SlotList;
      return list.slots.find((x) => x.time === time)?.left;
    };
    const mine = await book(at('09:00'), '0933 111 222', 'Lê Văn Tám');
    await book(at('09:15'), '0933 111 333', 'Phạm Thị Lan');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/book/#${mine.code}`);
      await page.getByTestId('book-change').tap();
      await page.getByTestId('book-day-2026-11-25').tap();
      await page.getByTestId('book-time-09:30').waitFor();
      // The slot another citizen holds is full; the citizen's own time is marked, not offered.
      expect(await page.getByTestId('book-time-09:15').isDisabled()).toBe(true);
      expect(await page.getByTestId('book-time-09:15').innerText()).toContain('hết chỗ');
      expect(await page.getByTestId('book-time-09:00').getAttribute('aria-current')).toBe('true');
      expect(await page.getByTestId('book-time-09:00').innerText()).toContain('giờ hiện tại');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, 'booking-phone-change-time');
      await page.getByTestId('book-time-09:30').tap();
      await page.getByTestId('book-moved').waitFor();
      expect(await page.getByTestId('book-moved').innerText()).toBe('Đã đổi giờ hẹn. Mã hẹn vẫn giữ nguyên.');
      expect(await page.getByTestId('book-when').innerText()).toBe('09:30, Thứ Tư, 25/11');
      expect(await page.getByTestId('book-code').innerText()).toBe(mine.code);
      nfc(await page.getByTestId('book-card').innerText());
      await screenshot(page, 'booking-phone-changed');
      // Moved in one step: 09:00 is free again and 09:30 is taken.
      expect(await left('09:00')).toBe(1);
      expect(await left('09:30')).toBe(0);
      // The reopened link shows the new time.
      await page.reload();
      await expect.poll(() => page.getByTestId('book-when').innerText()).toBe('09:30, Thứ Tư, 25/11');
    } finally {
      await context.close();
      await admin.changeBooking({ capacityOverrides: before.capacityOverrides });
    }
  });

  it('at the kiosk, a typed booking code (as a barcode reader types it) gives a ticket', async () => {
    const fields = (await (await fetch(`${server.url}/api/bookings/options`)).json()) as { fields: { id: number; prefix: string }[] };
    const fieldA = fields.fields.find((f) => f.prefix === 'A')?.id;
    const res = await fetch(`${server.url}/api/bookings/remote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fieldId: fieldA, phone: '0987654321', name: 'Trần Văn Nam' }),
    });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as BookingConfirmation;
    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    try {
      await kiosk.page.getByTestId('check-in').tap();
      await kiosk.page.getByTestId('check-in-code').waitFor();
      // This browser has no camera: the screen is as without the camera reader, and nothing tells the citizen of it.
      await expect.poll(() => kiosk.page.getByTestId('qr-camera').count()).toBe(0);
      expect(await kiosk.page.getByTestId('check-in-error').count()).toBe(0);
      await screenshot(kiosk.page, 'kiosk-check-in');
      // A barcode reader types the QR code's text (the confirmation link) and presses Enter.
      await kiosk.page.keyboard.type(`${server.url}/book/#${code}`);
      await kiosk.page.keyboard.press('Enter');
      await kiosk.ticketNumber().waitFor();
      expect(await kiosk.page.getByTestId('check-in-timing').getAttribute('data-timing')).toBe('on_time');
      expect(await kiosk.ticketNumber().innerText()).toMatch(/^A\d+$/);
      await screenshot(kiosk.page, 'kiosk-check-in-ticket');
    } finally {
      await kiosk.close();
    }
  });
});
