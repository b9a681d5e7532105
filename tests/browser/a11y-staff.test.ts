import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { BoardPage } from '../support/console-page-board.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { ConsolePage } from '../support/console-page.ts';
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

/** Opens a dialog, audits the page with it open, and closes it with Escape. */
async function auditDialog(page: Page, open: Locator, dialog: string, what: string): Promise<void> {
  await open.click();
  await page.getByTestId(dialog).waitFor();
  await expectAccessible(page, what);
  await page.keyboard.press('Escape');
  await page.getByTestId(dialog).waitFor({ state: 'detached' });
}

describe('the staff console, screen by screen, for axe-core', () => {
  it('sign-in, and a refused sign-in', async () => {
    const console_ = await ConsolePage.open(browser, server);
    try {
      await expectAccessible(console_.page, 'sign-in');
      await console_.fillLogin('quay1', 'sai-mật-khẩu');
      await console_.loginProblem();
      await expectAccessible(console_.page, 'sign-in refused');
      // The switch is at least 44 × 44 px here too, and says which language is on.
      const sizes = await console_.page.locator('.lang-switch__option').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(44);
    } finally {
      await console_.close();
    }
  });

  it('the officer: choosing a counter, the desk with a citizen called, and each of its dialogs', async () => {
    const field = await supervisor.field('tu-phap-ho-tich');
    for (let i = 0; i < 3; i++) await supervisor.issue(field.id);
    const console_ = await ConsolePage.signedIn(browser, server, 'quay1');
    const desk = new DeskPage(console_.page);
    try {
      await desk.picker().waitFor();
      await expectAccessible(console_.page, 'counter picker');
      await desk.takeCounter(1);
      await expectAccessible(console_.page, 'officer desk, nobody called');
      await desk.action('callNext').click();
      await console_.page.locator('[data-testid="current-ticket"][data-status="called"]').waitFor();
      await expectAccessible(console_.page, 'officer desk, a citizen called');
      await auditDialog(console_.page, desk.action('transfer'), 'transfer-dialog', 'transfer dialog');
      await auditDialog(console_.page, desk.action('hold'), 'hold-dialog', 'hold dialog');
      await auditDialog(console_.page, desk.action('noShow'), 'no-show-dialog', 'no-show dialog');
      await desk.action('start').click();
      await console_.page.locator('[data-testid="current-ticket"][data-status="serving"]').waitFor();
      await auditDialog(console_.page, desk.action('finish'), 'finish-dialog', 'finish dialog');
      await auditDialog(console_.page, desk.pauseButton(), 'pause-dialog', 'pause dialog');
    } finally {
      await console_.close();
    }
  });

  it('the supervisor: the live board, a ticket in the queue, and the reports', async () => {
    const field = await supervisor.field('chung-thuc');
    const issued = await supervisor.issue(field.id);
    const console_ = await ConsolePage.signedIn(browser, server, 'giamsat', { width: 1920, height: 1080 });
    const board = new BoardPage(console_.page);
    try {
      await console_.page.getByTestId('fields-table').waitFor();
      await expectAccessible(console_.page, 'supervisor board');
      await board.queueTicket(issued.ticket.number).click();
      await console_.page.getByTestId('ticket-dialog').waitFor();
      await expectAccessible(console_.page, 'ticket dialog');
      await console_.page.getByTestId('ticket-dialog').getByTestId('ticket-cancel').click();
      await console_.page.getByTestId('cancel-dialog').waitFor();
      await expectAccessible(console_.page, 'cancel dialog');
      await console_.page.keyboard.press('Escape');

      await console_.goTo('#/reports/month/field');
      await console_.page.getByTestId('report-table').waitFor({ timeout: 20_000 });
      await expectAccessible(console_.page, 'reports');
    } finally {
      await console_.close();
    }
  });

  it('the admin: every settings tab and the forms they open', async () => {
    const console_ = await ConsolePage.signedIn(browser, server, 'admin');
    try {
      for (const tab of ['center', 'fields', 'counters', 'staff', 'devices', 'printers', 'rules', 'booking', 'voice', 'audit', 'config'] as const) {
        await console_.goTo(`#/admin/${tab}`);
        await console_.page.getByTestId(`admin-${tab}`).waitFor();
        await console_.page.locator('.loading').waitFor({ state: 'detached' });
        await expectAccessible(console_.page, `admin: ${tab}`);
      }
      const page = console_.page;
      const forms: [string, string, string][] = [
        ['fields', 'field-add', 'field-dialog'],
        ['counters', 'counter-add', 'counter-dialog'],
        ['staff', 'staff-add', 'staff-dialog'],
        ['devices', 'device-add', 'device-dialog'],
        ['devices', 'device-settings', 'device-settings-dialog'],
        ['printers', 'printer-add', 'printer-dialog'],
      ];
      for (const [tab, button, dialog] of forms) {
        await console_.goTo(`#/admin/${tab}`);
        await page.getByTestId(`admin-${tab}`).waitFor();
        await auditDialog(page, page.getByTestId(button).first(), dialog, `admin: ${dialog}`);
      }
    } finally {
      await console_.close();
    }
  });
});
