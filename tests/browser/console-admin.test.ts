import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrinter } from '@luot/server/test-support/fake-printer';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { AdminPage } from '../support/console-page-admin.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { KioskTaps, ServerTruth } from '../support/console-page-server.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;
let truth: ServerTruth;
let adminConsole: ConsolePage;
let admin: AdminPage;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  truth = await ServerTruth.as(server, 'admin');
  adminConsole = await ConsolePage.signedIn(browser, server, 'admin');
  admin = new AdminPage(adminConsole.page);
  await adminConsole.navLink('admin').click();
});
afterAll(async () => {
  await adminConsole?.close();
  await browser?.close();
  await server?.dispose();
});

describe('the administrator (admin)', () => {
  it('creates a field and a counter serving it; the kiosk then offers the field', async () => {
    await admin.tab('fields');
    await admin.fillNewField({ nameVi: 'Tư vấn pháp luật', nameEn: 'Legal advice', prefix: 'GG', targetWaitMinutes: 20 });
    // The code is made from the Vietnamese name, without diacritics.
    expect(await adminConsole.page.getByTestId('field-code').inputValue()).toBe('tu-van-phap-luat');

    // The server refuses a two-letter prefix: its message and the very input are marked in the form.
    await admin.saveField();
    await admin.formProblem().waitFor();
    expect(await admin.formProblem().getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(await admin.formProblem().innerText()).toContain('Dữ liệu không hợp lệ. Vui lòng kiểm tra lại các trường đã nhập.');
    expect(await admin.invalidInputs()).toEqual(['prefix']);

    await admin.fieldPrefix('G');
    await admin.saveField();
    await admin.fieldItem('tu-van-phap-luat').waitFor();
    expect(await admin.notice().innerText()).toBe('Đã thêm lĩnh vực Tư vấn pháp luật. Hãy chọn quầy phục vụ lĩnh vực này trong thẻ “Quầy”.');
    const { body: fields } = await truth.call('GET', '/api/admin/fields');
    const created = (fields as { id: number; code: string; prefix: string; targetWaitMinutes: number }[]).find((f) => f.code === 'tu-van-phap-luat');
    expect(created).toMatchObject({ prefix: 'G', targetWaitMinutes: 20 });

    await admin.tab('counters');
    await admin.addCounter(9, ['tu-van-phap-luat']);
    await admin.counterItem(9).waitFor();
    const counter9 = (await truth.queue()).counters.find((c) => c.number === 9);
    expect(counter9?.fieldIds).toEqual([created?.id]);
    expect(counter9?.name).toBe('Quầy số 9');
    await screenshot(adminConsole.page, 'console-admin');

    const kiosk = await KioskPage.open(browser, server.url, { width: 1920, height: 1080 });
    await kiosk.fieldTile('tu-van-phap-luat').waitFor();
    expect(await kiosk.fieldTile('tu-van-phap-luat').innerText()).toContain('Tư vấn pháp luật');
    await kiosk.chooseField('tu-van-phap-luat');
    expect(await kiosk.takeNumber()).toBe('G001');
    await kiosk.close();

    // And the new counter is there to choose at sign-in, with the new field's citizen waiting for it.
    const officer = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(officer.page);
    await desk.counterChoice(9).waitFor();
    expect(await desk.counterChoice(9).innerText()).toContain('Tư vấn pháp luật');
    await officer.close();
  });

  it('sees where the receipts’ QR codes lead, with the LAN address a phone can open', async () => {
    await admin.tab('printers');
    const line = adminConsole.page.getByTestId('public-link');
    await line.waitFor();
    // The console reached the server at 127.0.0.1: a phone could not open that, so the LAN address is shown.
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a?.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
      .map((a) => a?.address ?? '');
    const text = await line.innerText();
    if (lan.length === 0) expect(await adminConsole.page.getByTestId('public-link-warning').innerText()).toContain('LUOT_PUBLIC_URL');
    else expect(lan.some((a) => text.includes(`http://${a}:${server.port}/t/…`))).toBe(true);
    expect(text).not.toContain('127.0.0.1');
  });

  it('sets a kiosk’s printer from what is set now, and finds every change in the log in words', async () => {
    await admin.tab('printers');
    await adminConsole.page.getByTestId('printers-empty').waitFor();
    expect(await adminConsole.page.getByTestId('printers-empty').innerText()).toContain('Chưa có máy in phiếu nào');
    const printer = await startFakePrinter('online');
    try {
      await admin.addPrinter('Máy in sảnh', printer.uri);
      expect(await adminConsole.page.getByTestId('printers-empty').count()).toBe(0);

      await admin.tab('devices');
      const kioskName = ((await truth.call('GET', '/api/devices')).body as { kind: string; name: string; printerId: number | null }[]).find((d) => d.kind === 'kiosk');
      expect(kioskName?.printerId).toBeNull();
      // The kiosk prints nowhere yet: the dialog says so rather than offering the first printer as if chosen.
      expect(await admin.openKioskPrinter(kioskName?.name ?? '')).toBe('Không in phiếu');
      await admin.chooseKioskPrinter('Máy in sảnh');
      await expect.poll(() => admin.deviceItem(kioskName?.name ?? '').getByTestId('device-where').innerText()).toBe('Máy in: Máy in sảnh');
      expect(await admin.openKioskPrinter(kioskName?.name ?? '')).toBe('Máy in sảnh');
      await adminConsole.page.getByTestId('device-settings-dialog').getByText('Quay lại').click();

      await admin.tab('center');
      const before = await adminConsole.page.getByTestId('center-name-input').inputValue();
      await adminConsole.page.getByTestId('center-name-input').fill(`${before} – cơ sở 2`);
      await adminConsole.page.getByTestId('center-save').click();
      await admin.notice().waitFor();

      await admin.tab('audit');
      await adminConsole.page.getByTestId('audit-item').first().waitFor();
      expect((await admin.auditTexts('center.update'))[0]).toContain(`Tên trung tâm: ${before} → ${before} – cơ sở 2`);
      expect((await admin.auditTexts('center.update'))[0]).not.toContain('{');
      expect((await admin.auditTexts('device.printer'))[0]).toContain('Máy in: (trống) → Máy in sảnh');
      const added = (await admin.auditTexts('printer.create'))[0];
      expect(added).toContain('Thêm máy in');
      expect(added).toContain(`Địa chỉ: ${printer.uri}`);
      expect(added).toContain('Khổ giấy: 80 mm');
      await screenshot(adminConsole.page, 'console-admin-audit');
    } finally {
      await printer.close();
    }
  });

  it('writes times as 24-hour HH:mm and labels the logo picker in Vietnamese, in a browser set to English', async () => {
    const english = await ConsolePage.signedIn(browser, server, 'admin', undefined, 'en-US');
    try {
      const page = english.page;
      const own = new AdminPage(page);
      await english.navLink('admin').click();
      await own.tab('center');
      expect(await page.locator('input[type="time"], input[type="date"]').count()).toBe(0);
      expect(await page.getByTestId('center-rollover').inputValue()).toBe('00:00');
      const logo = page.locator('.logo-pick');
      expect(await logo.innerText()).toContain('Chọn tệp logo');
      expect(await page.getByTestId('center-logo-name').innerText()).toBe('Chưa chọn tệp nào');
      // A 1×1 PNG: the chosen file's name is shown in place of the browser's own words.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
      await page.getByTestId('center-logo-file').setInputFiles({ name: 'logo-phuong.png', mimeType: 'image/png', buffer: png });
      expect(await page.getByTestId('center-logo-name').innerText()).toBe('logo-phuong.png');
      expect(await page.locator('body').innerText()).not.toMatch(/Choose File|No file chosen/);
      await screenshot(page, 'console-admin-center');

      await own.tab('fields');
      await page.getByTestId('field-add').click();
      const opens = page.getByTestId('field-opens');
      expect(await opens.getAttribute('placeholder')).toBe('HH:mm');
      await opens.pressSequentially('0730');
      await page.getByTestId('field-closes').pressSequentially('1700');
      expect([await opens.inputValue(), await page.getByTestId('field-closes').inputValue()]).toEqual(['07:30', '17:00']);
      await page.keyboard.press('Escape');
    } finally {
      await english.close();
    }
  });

  it('is told, next to the list, when the server refuses to remove a field in use', async () => {
    const justice = (await truth.queue()).fields.find((f) => f.code === 'tu-phap-ho-tich');
    if (!justice) throw new Error('no field tu-phap-ho-tich');
    await (await KioskTaps.connect(server)).issue(justice.id);
    await admin.tab('fields');
    await admin.removeField('tu-phap-ho-tich');
    await admin.notice().waitFor();
    expect(await admin.notice().getAttribute('data-code')).toBe('FIELD_IN_USE');
    expect(await admin.notice().innerText()).toBe(
      'Lĩnh vực còn công dân đang chờ hoặc đang được phục vụ, hoặc còn lĩnh vực con. Hãy xử lý xong rồi mới gỡ bỏ.',
    );
    expect((await truth.queue()).fields.some((f) => f.code === 'tu-phap-ho-tich')).toBe(true);

    // A field nobody waits in is retired, not deleted: it stays listed as such. (Its one citizen leaves first.)
    for (const ticket of (await truth.queue()).queue.filter((q) => q.number.startsWith('G'))) {
      expect((await truth.call('POST', `/api/tickets/${ticket.id}/cancel`, { reason: 'test' })).status).toBe(200);
    }
    await admin.removeField('tu-van-phap-luat');
    await expect.poll(() => admin.fieldItem('tu-van-phap-luat').getByTestId('field-state').innerText()).toBe('Ngừng sử dụng');
    expect(await admin.notice().innerText()).toBe('Đã ngừng sử dụng lĩnh vực Tư vấn pháp luật. Lịch sử vẫn được giữ.');
  });
});
