import type { BookingConfirmation } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';

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
