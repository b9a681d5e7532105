import { guideSentence } from '@luot/server/voice/guide-sentences';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';
import { StaffApi } from '../support/staff-api.ts';

let server: ServerProcess;
let browser: Browser;
let supervisor: StaffApi;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  browser = await launchBrowser();
  supervisor = await StaffApi.signIn(server, 'giamsat');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Every request the kiosk made for spoken guidance. */
function guideRequests(kiosk: KioskPage): string[] {
  const seen: string[] = [];
  kiosk.page.on('request', (request) => {
    if (request.url().includes('/api/voice/guide/')) seen.push(request.url());
  });
  return seen;
}

async function lastSaid(kiosk: KioskPage, say: string) {
  await expect.poll(async () => (await kiosk.guideLog()).filter((r) => r.say === say && r.startedAt !== null).length, { timeout: 20_000, message: `"${say}" was not played` }).toBeGreaterThan(0);
  const records = (await kiosk.guideLog()).filter((r) => r.say === say);
  const record = records[records.length - 1];
  if (!record) throw new Error(`no "${say}"`);
  return record;
}

describe('"Nghe hướng dẫn": the kiosk reads itself aloud, only when asked', () => {
  it('says nothing until asked; then reads the screen, each field on its first touch, the number taken; stops when the citizen leaves', async () => {
    const field = await supervisor.field('tu-phap-ho-tich');
    await supervisor.issue(field.id);
    const kiosk = await KioskPage.open(browser, server.url, { width: 1080, height: 1920 });
    const requests = guideRequests(kiosk);
    try {
      // Without guidance a touch chooses at once, and nothing is fetched or spoken.
      await kiosk.chooseField(field.code);
      await kiosk.page.getByTestId('back').tap();
      await kiosk.homeScreen().waitFor();
      expect(requests).toEqual([]);
      expect(await kiosk.guideLog()).toEqual([]);

      await kiosk.toggleGuide();
      expect(await kiosk.page.getByTestId('assist-listen').getAttribute('aria-pressed')).toBe('true');
      const home = await lastSaid(kiosk, 'home');
      expect(home.text).toContain('chạm vào lĩnh vực cần giải quyết. Chạm một lần vào một ô để nghe tên, chạm thêm lần nữa để chọn.');

      // First touch: the field is read, not chosen. The home prompt is cut short for it.
      await kiosk.fieldTile(field.code).tap();
      const fieldLine = await lastSaid(kiosk, 'field');
      expect(fieldLine.text).toMatch(/^Tư pháp – Hộ tịch\. Đang chờ: (một|hai|ba|bốn) người\. Chạm thêm lần nữa để chọn\.$/);
      expect(await kiosk.fieldTile(field.code).getAttribute('data-armed')).toBe('true');
      expect(await kiosk.homeScreen().count()).toBe(1);
      const homeAfter = (await kiosk.guideLog()).find((r) => r.say === 'home');
      expect(homeAfter?.endedAt !== null || homeAfter.stoppedAt !== null).toBe(true);
      // A short sentence plays to its end through the page's audio output.
      await expect.poll(async () => (await kiosk.guideLog()).find((r) => r.say === 'field')?.endedAt ?? null, { timeout: 20_000 }).not.toBeNull();

      // Second touch chooses it; the next screen reads itself.
      await kiosk.fieldTile(field.code).tap();
      await kiosk.page.getByTestId('take-number').waitFor();
      expect((await lastSaid(kiosk, 'take')).text).toContain('Ông/Bà đã chọn lĩnh vực Tư pháp – Hộ tịch.');

      await kiosk.page.getByTestId('priority-open').tap();
      await lastSaid(kiosk, 'categories');
      await kiosk.page.getByTestId('priority-elderly').tap();
      expect((await lastSaid(kiosk, 'category')).text).toMatch(/^Người cao tuổi\. /);
      await kiosk.page.getByTestId('priority-elderly').tap();
      const number = await kiosk.shownNumber();

      // The number, the people ahead and the wait: exactly what the screen shows.
      const ticket = await lastSaid(kiosk, 'ticket');
      const ahead = Number(/(\d+)\s*$/.exec(await kiosk.page.getByTestId('people-ahead').innerText())?.[1]);
      const waitText = await kiosk.page.getByTestId('estimated-wait').innerText();
      const waitShown = /(\d+) phút/.exec(waitText)?.[1] ?? (waitText.includes('sắp đến lượt') ? '0' : undefined);
      const printed = (await kiosk.page.getByTestId('print-note').count()) > 0 && (await kiosk.page.getByTestId('print-note').innerText()).includes('máy in');
      const expected = guideSentence(
        { say: 'ticket', number, field: field.id, ahead, ...(waitShown === undefined ? {} : { wait: Number(waitShown) }), printed },
        { field: { name: 'Tư pháp – Hộ tịch', opensAt: null, closesAt: null } },
      );
      expect(ticket.text).toBe(expected.text);
      expect(ticket.text).toContain('Số thứ tự của Ông/Bà là a ');

      // Leaving: speech stops at once and guidance is off for the next citizen.
      expect(ticket.endedAt).toBeNull();
      await kiosk.done();
      const stopped = (await kiosk.guideLog()).filter((r) => r.say === 'ticket').pop();
      expect(stopped?.stoppedAt).not.toBeNull();
      expect(await kiosk.page.getByTestId('assist-listen').getAttribute('aria-pressed')).toBe('false');
      const asked = requests.length;
      await kiosk.chooseField(field.code);
      expect(requests.length).toBe(asked);
    } finally {
      await kiosk.close();
    }
  });

  it('switching it off stops the sentence; switching language reads the screen again in that language', async () => {
    const kiosk = await KioskPage.open(browser, server.url, { width: 1920, height: 1080 });
    try {
      await kiosk.toggleGuide();
      await lastSaid(kiosk, 'home');
      await kiosk.page.getByTestId('lang-en').tap();
      await expect.poll(async () => (await kiosk.guideLog()).filter((r) => r.say === 'home' && r.text?.startsWith('Please touch the service you need.')).length, { timeout: 20_000 }).toBe(1);
      await kiosk.toggleGuide();
      const records = await kiosk.guideLog();
      const last = records[records.length - 1];
      expect(last?.endedAt !== null || last.stoppedAt !== null).toBe(true);
      expect(await kiosk.page.getByTestId('assist-listen').getAttribute('aria-pressed')).toBe('false');
    } finally {
      await kiosk.close();
    }
  });
});
