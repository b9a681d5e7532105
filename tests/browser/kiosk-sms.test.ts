import { FakeModem } from '@luot/server/test-support/fake-modem';
import { decodeSubmit } from '@luot/server/test-support/pdu-decode';
import type { IssuedTicket, LoginResponse } from '@luot/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { CounterOfficer, DemoKiosk } from '../support/counter-officer.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';

let dir: string;
let modem: FakeModem;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luot-kiosk-sms-'));
  modem = new FakeModem(dir);
  await modem.plugIn();
  // The center's USB GSM modem is the fake on a socat pseudo-terminal; the server talks to it in PDU mode, UCS-2.
  server = await ServerProcess.start({ demo: true, env: { LUOT_SMS: `modem:${modem.path}` } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await modem?.unplug();
  rmSync(dir, { recursive: true, force: true });
});

async function asAdmin(method: string, path: string, body: unknown): Promise<Response> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.account('admin').password }),
  });
  const { token } = (await login.json()) as LoginResponse;
  return fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const smsTexts = () => modem.received.map((r) => decodeSubmit(r.body));

describe('"your turn is near" by SMS from the kiosk', () => {
  it('a citizen types a phone at the kiosk; as the queue moves the SMS arrive at the modem', async () => {
    // Near when two people are ahead (minutes off), so the test does not depend on the estimate.
    expect((await asAdmin('PUT', '/api/admin/sms/settings', { near: { ahead: 2, minutes: 0 }, fields: {}, personalDataDays: 30 })).status).toBe(200);
    const officer = await CounterOfficer.atCounter(server, 'quay1', 1);
    const demoKiosk = await DemoKiosk.connect(server);
    const fieldId = await demoKiosk.fieldId('tu-phap-ho-tich');
    expect(officer.firstField()).toBe(fieldId);
    for (let i = 0; i < 4; i++) await demoKiosk.issue(fieldId);
    await server.advanceClock(5_000);

    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    try {
      await kiosk.chooseField('tu-phap-ho-tich');
      await kiosk.page.getByTestId('take-number').tap();
      const phone = kiosk.page.getByTestId('phone-screen');
      await phone.waitFor();
      await kiosk.endTapGuard();
      await expect.poll(() => phone.innerText()).toContain('Ông/Bà có muốn nhận tin nhắn khi sắp đến lượt không?');
      expect(await kiosk.page.getByTestId('phone-skip').innerText()).toBe('Bỏ qua');
      expect(await kiosk.page.getByTestId('phone-submit').isDisabled()).toBe(true);
      await screenshot(kiosk.page, 'kiosk-phone-portrait');

      // A landline (02…) is not a mobile number: said plainly, and the confirm button stays off.
      for (const d of '0241234567') await kiosk.page.getByTestId(`key-${d}`).tap();
      await kiosk.page.getByTestId('phone-error').waitFor();
      expect(await kiosk.page.getByTestId('phone-submit').isDisabled()).toBe(true);
      await screenshot(kiosk.page, 'kiosk-phone-invalid-portrait');
      await kiosk.page.getByTestId('key-clear').tap();

      for (const d of '0912345678') await kiosk.page.getByTestId(`key-${d}`).tap();
      expect(await kiosk.page.getByTestId('phone-number').innerText()).toBe('0912 345 678');
      await screenshot(kiosk.page, 'kiosk-phone-typed-portrait');
      const answer = kiosk.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets');
      await kiosk.page.getByTestId('phone-submit').tap();
      const issued = (await (await answer).json()) as IssuedTicket;
      expect(issued.peopleAhead).toBe(4);
      await kiosk.page.getByTestId('ticket-screen').waitFor();
      expect(await kiosk.page.getByTestId('ticket-sms').innerText()).toBe('Tin nhắn sẽ gửi tới số 09xx xxx 678 khi sắp đến lượt và khi được gọi.');
      await screenshot(kiosk.page, 'kiosk-phone-ticket-portrait');
      const mine = issued.ticket.number;

      // The officer at counter 1 calls through the API: after two calls two people are ahead → the "near" SMS.
      await officer.callNext();
      await officer.finish();
      await officer.callNext();
      await modem.waitForMessages(2); // the near text is two UCS-2 parts
      const near = smsTexts();
      expect(near.map((p) => [p.to, p.dcs, p.concat?.part, p.concat?.total])).toEqual([
        ['+84912345678', 8, 1, 2],
        ['+84912345678', 8, 2, 2],
      ]);
      expect(near.map((p) => p.text).join('')).toMatch(new RegExp(`^Sắp đến lượt Ông/Bà \\(số ${mine}\\): còn 2 người phía trước(, khoảng \\d+ phút)?\\. Xin mời Ông/Bà về gần quầy\\.$`));

      for (let i = 0; i < 2; i++) {
        await officer.finish();
        await officer.callNext();
      }
      await officer.finish();
      expect(await officer.callNext()).toBe(mine);
      await modem.waitForMessages(3);
      expect(smsTexts()[2]?.text).toBe(`Mời Ông/Bà số ${mine} đến Quầy 1.`);
      expect(smsTexts()).toHaveLength(3);
    } finally {
      await kiosk.close();
    }
  });

  it('shows the phone step in landscape too, and "Bỏ qua" takes the number without one', async () => {
    const kiosk = await KioskPage.open(browser, server.url, { width: 1920, height: 1080 });
    try {
      await kiosk.chooseField('chung-thuc');
      await kiosk.page.getByTestId('take-number').tap();
      await kiosk.page.getByTestId('phone-screen').waitFor();
      await kiosk.endTapGuard();
      for (const d of '0987') await kiosk.page.getByTestId(`key-${d}`).tap();
      await screenshot(kiosk.page, 'kiosk-phone-landscape');
      const answer = kiosk.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets');
      await kiosk.page.getByTestId('phone-skip').tap();
      const request = (await answer).request().postDataJSON() as Record<string, unknown>;
      expect(request).not.toHaveProperty('phone');
      await kiosk.page.getByTestId('ticket-screen').waitFor();
      expect(await kiosk.page.getByTestId('ticket-sms').count()).toBe(0);
    } finally {
      await kiosk.close();
    }
  });
});
