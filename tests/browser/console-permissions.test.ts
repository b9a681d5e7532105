import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ConsolePage } from '../support/console-page.ts';
import { AdminPage } from '../support/console-page-admin.ts';
import { DeskPage } from '../support/console-page-desk.ts';
import { ServerTruth } from '../support/console-page-server.ts';
import { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  // A short heartbeat: a disabled account's open console is told within seconds, not fifteen.
  server = await ServerProcess.start({ demo: true, env: { LUOT_HEARTBEAT_MS: '2000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The same session as the page, asking the API directly. */
async function asPage(page: ConsolePage, method: string, path: string, body?: unknown): Promise<{ status: number; code: unknown }> {
  const token = await page.token();
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await res.json()) as { code?: unknown };
  return { status: res.status, code: json.code };
}

describe('who may do what, in the console and at the API behind it', () => {
  it('an officer sees no admin or supervisor screens, is refused them by the API, and cannot act on another counter', async () => {
    const colleague = await ServerTruth.as(server, 'quay2');
    const counter2 = await colleague.counter(2);
    expect((await colleague.call('POST', `/api/counters/${counter2.id}/join`)).status).toBe(200);

    const officer = await ConsolePage.signedIn(browser, server, 'quay1');
    expect(await officer.signedInAs().getAttribute('data-role')).toBe('officer');
    expect(await officer.navLink('admin').count()).toBe(0);
    expect(await officer.navLink('board').count()).toBe(0);

    // A counter another officer holds cannot be chosen.
    const desk = new DeskPage(officer.page);
    await desk.picker().waitFor();
    expect(await desk.counterChoice(2).isDisabled()).toBe(true);
    expect(await desk.counterChoice(2).innerText()).toContain('Đang có cán bộ: Cán bộ quầy 2');
    await desk.takeCounter(1);

    await officer.goTo('#/admin/staff');
    await officer.notAllowed().waitFor();
    expect(await officer.notAllowed().innerText()).toBe('Tài khoản này không có quyền mở trang này. Hãy chọn một mục trên thanh điều hướng.');
    expect(await officer.page.getByTestId('admin').count()).toBe(0);
    await officer.goTo('#/board');
    await officer.notAllowed().waitFor();

    expect(await asPage(officer, 'GET', '/api/admin/fields')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await asPage(officer, 'GET', '/api/live')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await asPage(officer, 'POST', `/api/counters/${counter2.id}/call-next`)).toEqual({ status: 403, code: 'NOT_AT_THIS_COUNTER' });
    expect(await asPage(officer, 'POST', `/api/counters/${counter2.id}/pause`, { reason: 'họp' })).toEqual({ status: 403, code: 'NOT_AT_THIS_COUNTER' });
    expect((await colleague.counter(2)).status).toBe('open');
    await officer.close();
  });

  it('a supervisor sees the board and the desk but no settings, and the API refuses them', async () => {
    const supervisor = await ConsolePage.signedIn(browser, server, 'giamsat');
    await supervisor.page.getByTestId('board').waitFor();
    expect(await supervisor.navLink('board').count()).toBe(1);
    expect(await supervisor.navLink('desk').count()).toBe(1);
    expect(await supervisor.navLink('admin').count()).toBe(0);
    await supervisor.goTo('#/admin/center');
    await supervisor.notAllowed().waitFor();

    const center = { name: 'Đổi tên', address: '', logo: '', dayRollover: '00:00', receiptFooter: '', hallNotice: '' };
    expect(await asPage(supervisor, 'PUT', '/api/admin/center', center)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await asPage(supervisor, 'GET', '/api/admin/staff')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await asPage(supervisor, 'GET', '/api/devices')).toEqual({ status: 403, code: 'FORBIDDEN' });
    await supervisor.close();
  });

  it('an account disabled in the admin screen is signed out at once and cannot sign in again', async () => {
    const victim = await ConsolePage.signedIn(browser, server, 'quay3');
    await new DeskPage(victim.page).picker().waitFor();

    const adminConsole = await ConsolePage.signedIn(browser, server, 'admin');
    const admin = new AdminPage(adminConsole.page);
    await adminConsole.navLink('admin').click();
    await admin.tab('staff');
    await admin.disableStaff('quay3');
    await expect.poll(() => admin.staffItem('quay3').getByTestId('staff-state').innerText()).toBe('Đã khóa');
    expect(await admin.notice().innerText()).toBe('Đã khóa tài khoản của Cán bộ quầy 3. Người này đã bị đăng xuất và không đăng nhập được nữa.');
    const { body: staff } = await (await ServerTruth.as(server, 'admin')).call('GET', '/api/admin/staff');
    expect((staff as { username: string; active: boolean }[]).find((s) => s.username === 'quay3')?.active).toBe(false);

    // The open console goes back to sign-in, saying why.
    await victim.page.getByTestId('session-ended').waitFor({ timeout: 15_000 });
    await victim.fillLogin('quay3', server.account('quay3').password);
    expect(await victim.loginProblem()).toEqual({ code: 'ACCOUNT_DISABLED', text: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.' });

    await victim.switchTo('en');
    await victim.page.getByTestId('login-submit').click();
    await expect.poll(async () => (await victim.loginProblem()).text).toBe('This account is disabled. Please contact the administrator.');
    await victim.close();
    await adminConsole.close();
  });
});
