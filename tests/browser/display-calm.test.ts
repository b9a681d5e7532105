import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { AdminPage } from '../support/console-page-admin.ts';
import { ConsolePage } from '../support/console-page.ts';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
import { launchDisplayBrowser } from '../support/display-browser.ts';
import { DisplayPage } from '../support/display-page.ts';
import { expectTidyLayout } from '../support/layout.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

const hd = { width: 1920, height: 1080 };
const longNotice =
  'Công dân vui lòng giữ phiếu số thứ tự và theo dõi bảng gọi số. Hồ sơ đất đai xin chuẩn bị bản sao giấy chứng nhận quyền sử dụng đất và căn cước. Trung tâm làm việc từ thứ Hai đến sáng thứ Bảy.';

let browser: Browser;
let server: ServerProcess;
let admin: StaffApi;
let kiosk: DemoKiosk;

beforeAll(async () => {
  browser = await launchDisplayBrowser();
  server = await ServerProcess.start({ demo: true });
  admin = await StaffApi.signIn(server, 'admin');
  kiosk = await DemoKiosk.connect(server);
  await admin.saveCenterProfile({ ...(await admin.centerProfile()), hallNotice: longNotice });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const animationOf = (board: DisplayPage, selector: string) => board.page.locator(selector).first().evaluate((el) => getComputedStyle(el).animationName);

describe('the calm setting of a screen: no scrolling notice, no flashing', () => {
  it('is off by default: the notice scrolls and a new call flashes', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    try {
      await board.page.getByTestId('hall-notice').waitFor();
      expect(await animationOf(board, '.ticker__track')).toBe('ticker-scroll');
      const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
      await kiosk.issue(await kiosk.fieldId('tu-phap-ho-tich'));
      const number = await officer.callNext();
      await board.waitLatestCall(number, 1, 5_000);
      expect(await animationOf(board, '[data-testid="hall-latest"]')).toBe('hall-new-call');
      await officer.finish();
    } finally {
      await board.close();
    }
  });

  it('set by the admin in the console, it stills the hall board at once: the notice stands whole and wraps, calls do not flash', async () => {
    const board = await DisplayPage.open(browser, server.url, { board: 'hall' }, hd);
    const console_ = await ConsolePage.signedIn(browser, server, 'admin');
    try {
      await board.page.getByTestId('hall-notice').waitFor();
      await console_.goTo('#/admin/devices');
      const admin_ = new AdminPage(console_.page);
      await console_.page.getByTestId('devices-list').waitFor();
      const row = console_.page.getByTestId('device-item').filter({ hasText: /Bảng gọi số|bảng gọi số|hall/i }).first();
      await row.getByTestId('device-settings').click();
      await console_.page.getByTestId('device-calm').check();
      await console_.page.getByTestId('device-settings-save').click();
      await admin_.notice().waitFor();
      const saved = (await admin.devices()).find((d) => d.kind === 'hall_board' && !d.revoked);
      expect(saved?.settings).toEqual({ soundEnabled: true, volume: 80, calm: true });

      await board.page.locator('[data-testid="display"][data-calm="true"]').waitFor({ timeout: 5_000 });
      expect(await animationOf(board, '.ticker__track')).toBe('none');
      // One copy of the notice, all of it on screen: nothing scrolls away, nothing is cut.
      await expect(board.page.locator('.ticker__copy:visible').count()).resolves.toBe(1);
      await expectTidyLayout(board.page, 'calm hall board', { boxes: '.hall__bottom, .hall-latest, .hall-waiting__row' });
      const officer = await CounterOfficer.atCounter(server, 'quay2', 2);
      await kiosk.issue(await kiosk.fieldId('chung-thuc'));
      const number = await officer.callNext();
      await board.waitLatestCall(number, 2, 5_000);
      expect(await animationOf(board, '[data-testid="hall-latest"]')).toBe('none');
      await screenshot(board.page, 'display-hall-calm');
    } finally {
      await board.close();
      await console_.close();
    }
  });

  it('on a counter screen, a call stays yellow without flashing', async () => {
    const screen = await DisplayPage.open(browser, server.url, { counter: 3 });
    try {
      const device = (await admin.devices()).find((d) => d.kind === 'counter_display' && !d.revoked && d.name.includes('3'));
      if (!device) throw new Error('no counter screen for counter 3');
      await admin.deviceSettings(device.id, { ...device.settings, calm: true });
      await screen.page.locator('[data-testid="display"][data-calm="true"]').waitFor({ timeout: 5_000 });
      const officer = await CounterOfficer.atCounter(server, 'quay3', 3);
      await kiosk.issue(officer.firstField());
      const number = await officer.callNext();
      await screen.waitCounterNumber(number, 5_000);
      expect(await screen.counterMode()).toBe('calling');
      expect(await screen.page.locator('.counter-screen__body').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    } finally {
      await screen.close();
    }
  });
});
