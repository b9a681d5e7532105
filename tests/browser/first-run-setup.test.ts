import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { SetupPage } from '../support/setup-page.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  // A real center's first start: an empty database, no demo, only the admin and its printed password.
  server = await ServerProcess.start({ demo: false });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('first-run setup of a real center', () => {
  it('goes from an empty database to a first number at the kiosk', { timeout: 240_000 }, async () => {
    const setup = await SetupPage.open(browser, server);
    const { page } = setup;
    await page.getByTestId('setup-name').fill('Trung tâm Phục vụ hành chính công xã Tân Phú');
    await page.getByTestId('setup-address').fill('Xã Tân Phú, Tỉnh Đồng Nai');
    await screenshot(page, 'setup-1-center');
    await expectAccessible(page, 'setup-1-center');
    // The test runs at any hour of the day, so this center takes numbers around the clock.
    await page.getByTestId('setup-opens').fill('00:00');
    await page.getByTestId('setup-closes').fill('23:59');
    await setup.next();

    // The catalog: the usual six are ticked; the center also receives social protection, not results apart.
    await page.getByTestId('setup-step-fields').waitFor();
    await setup.chooseField('tra-ket-qua', false);
    await setup.chooseField('bao-tro-xa-hoi', true);
    // A slip of the finger: the letter A twice.
    await setup.fieldLetter('bao-tro-xa-hoi', 'A');
    await screenshot(page, 'setup-2-fields');
    await expectAccessible(page, 'setup-2-fields');
    await setup.next();

    // One counter per field is proposed; counter 1 also takes certification.
    await setup.counter(1).waitFor();
    await setup.serve(1, 'chung-thuc', true);
    await screenshot(page, 'setup-3-counters');
    await expectAccessible(page, 'setup-3-counters');
    await setup.next();

    await page.getByTestId('setup-step-staff').waitFor();
    await setup.staffName(1, 'Nguyễn Thị Lan');
    await screenshot(page, 'setup-4-staff');
    await expectAccessible(page, 'setup-4-staff');
    await setup.next();
    await page.getByTestId('setup-step-devices').waitFor();
    await screenshot(page, 'setup-5-devices');
    await expectAccessible(page, 'setup-5-devices');
    await setup.finish();

    // The server lists the bad entry in words; nothing was saved; "Sửa" leads to it.
    await setup.problems().waitFor();
    const problems = await setup.problems().innerText();
    expect(problems).toContain('Lĩnh vực — Bảo trợ xã hội: Chữ cái đầu số này đã dùng cho lĩnh vực khác. Hãy chọn chữ khác.');
    expect(problems.normalize('NFC')).toBe(problems);
    await setup.problems().scrollIntoViewIfNeeded();
    await screenshot(page, 'setup-problems');
    await expectAccessible(page, 'setup-problems');
    await setup.problems().getByRole('button').first().click();
    await page.getByTestId('setup-step-fields').waitFor();
    await setup.fieldLetter('bao-tro-xa-hoi', 'G');
    await setup.goTo('devices');
    await setup.finish();

    await setup.sheet().waitFor();
    await screenshot(page, 'setup-sheet');
    await expectAccessible(page, 'setup-sheet');
    const password = await setup.password('quay1');
    const kioskCode = await setup.pairingCode('Kiosk 1');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(kioskCode).toMatch(/^[0-9]{8}$/);
    expect(await setup.sheet().locator('tr[data-kind="counter_display"]').count()).toBe(6);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'setup-sheet-print');
    await page.emulateMedia({ media: 'screen' });

    // The kiosk is paired with the sheet's code and issues the center's first number.
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', hasTouch: true });
    const kiosk = await context.newPage();
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.getByTestId('pairing-code').waitFor();
    await kiosk.keyboard.type(kioskCode);
    await kiosk.getByTestId('pair-submit').click();
    await kiosk.getByTestId('home-screen').waitFor();
    expect(await kiosk.locator('[data-testid="field-tile"]').count()).toBe(6);
    await screenshot(kiosk, 'setup-kiosk-first-start');
    await kiosk.locator('[data-testid="field-tile"][data-field-code="chung-thuc"]').tap();
    await kiosk.getByTestId('take-number').tap();
    await kiosk.getByTestId('ticket-number').waitFor({ timeout: 20_000 });
    expect((await kiosk.getByTestId('ticket-number').innerText()).trim()).toBe('B001');
    await context.close();

    // The officer signs in with the sheet's password; the admin goes on to the ordinary console.
    await setup.page.getByTestId('sheet-continue').click();
    await setup.page.getByTestId('nav-admin').waitFor();
    const officer = await ConsolePage.open(browser, server);
    await officer.fillLogin('quay1', password);
    await officer.signedInAs().waitFor();
    expect(await officer.signedInAs().innerText()).toContain('Nguyễn Thị Lan');
    await officer.close();
    await setup.console_.close();
  });
});
