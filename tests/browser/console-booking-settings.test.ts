import { errorCatalog, type BookingConfirmation } from '@luot/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { AdminPage } from '../support/console-page-admin.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

let server: ServerProcess;
let browser: Browser;
let adminConsole: ConsolePage;
let admin: AdminPage;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  adminConsole = await ConsolePage.signedIn(browser, server, 'admin');
  admin = new AdminPage(adminConsole.page);
  await adminConsole.navLink('admin').click();
});
afterAll(async () => {
  await adminConsole?.close();
  await browser?.close();
  await server?.dispose();
});

const PHONE = '0977 222 333';

describe('booking settings in the console (admin)', () => {
  it('an admin lowers the bookings a phone may hold on a day; the server refuses a bad value first; the phone page then enforces the new limit', async () => {
    const api = await StaffApi.signIn(server, 'admin');
    const fieldA = (await api.field('tu-phap-ho-tich')).id;
    // The citizen already holds one booking on Tuesday (field A); the default allows two a day.
    const first = await fetch(`${server.url}/api/bookings/slot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fieldId: fieldA, slotAt: Date.parse('2026-11-24T08:00:00+07:00'), phone: PHONE, name: 'Đỗ Văn Minh' }),
    });
    expect(first.status).toBe(201);
    expect(((await first.json()) as BookingConfirmation).booking.phoneMasked).toBe('09xx xxx 333');

    await admin.tab('booking');
    const page = adminConsole.page;
    expect(await page.getByTestId('booking-per-day').inputValue()).toBe('2');
    expect(await page.getByTestId('booking-per-field').inputValue()).toBe('1');

    // A value the server refuses: its message, and the very input marked.
    await page.getByTestId('booking-per-address').fill('0');
    await page.getByTestId('booking-save').click();
    await admin.formProblem().waitFor();
    expect(await admin.formProblem().getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(await admin.invalidInputs()).toEqual(['perAddressPerHour']);
    expect((await api.bookingSettings()).perAddressPerHour).toBe(10);

    await page.getByTestId('booking-per-address').fill('10');
    await page.getByTestId('booking-per-day').fill('1');
    await page.getByTestId('booking-save').click();
    await expect.poll(() => admin.notice().innerText()).toBe('Đã lưu.');
    expect((await api.bookingSettings()).perPhonePerDay).toBe(1);
    expect(await page.getByTestId('booking-per-day').inputValue()).toBe('1');
    const tab = await page.getByTestId('admin-booking').innerText();
    expect(tab.normalize('NFC')).toBe(tab);
    await page.getByTestId('admin-booking').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'console-admin-booking');

    // The audit log names the change.
    await admin.tab('audit');
    await expect.poll(async () => (await admin.auditTexts('booking.settings')).length).toBe(1);
    const [audited] = await admin.auditTexts('booking.settings');
    expect(audited).toContain('Sửa cài đặt đặt lịch hẹn');
    expect(audited).toContain('Số lịch hẹn tối đa của một số điện thoại trong một ngày');

    // The same citizen, on the phone, tries a second field the same day: refused with the limit's own words.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const book = await phone.newPage();
    try {
      await book.goto(`${server.url}/book/`);
      await book.getByTestId('book-field-B').tap();
      await book.getByTestId('book-slot').tap();
      await book.getByTestId('book-day-2026-11-24').tap();
      await book.getByTestId('book-time-09:00').tap();
      await book.getByTestId('book-name').fill('Đỗ Văn Minh');
      await book.getByTestId('book-phone').fill(PHONE);
      await book.getByTestId('book-submit').tap();
      await book.getByTestId('book-note').waitFor();
      expect(await book.getByTestId('book-note').innerText()).toBe(errorCatalog.BOOKING_PHONE_DAY_LIMIT.vi);
      await screenshot(book, 'booking-phone-day-limit');
    } finally {
      await phone.close();
    }
  });
});
