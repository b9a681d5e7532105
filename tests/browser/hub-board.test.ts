import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardRow, ProvinceBoard } from '@luot/shared';
import { LuotProcess } from '@luot/server/province/luot-process';
import { freePort, startPgCluster, type PgCluster } from '@luot/server/test-support/pg-cluster';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { HubConsolePage } from '../support/hub-console-page.ts';
import { simulatedBatch, simulatedCenterNames } from '../support/simulated-centers.ts';

/**
 * The province board as a leader sees it: a hub with 170 centers — one real demo center process syncing to it,
 * the others simulated through the hub's own sync API — and a call at the real center showing up on the board.
 */
let pg: PgCluster;
let dir: string;
let hub: LuotProcess;
let center: LuotProcess;
let browser: Browser;
let leader: HubConsolePage;
let adminToken: string;
let refresh: NodeJS.Timeout | undefined;
const REAL = 'hiep-tan';
const SIMULATED = 169;

async function api<T>(base: string, path: string, token: string | null, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  pg = await startPgCluster();
  dir = mkdtempSync(join(tmpdir(), 'luot-hub-browser-'));
  hub = new LuotProcess('hub', await freePort(), { LUOT_HUB_DATABASE_URL: await pg.createDatabase('luot_hub'), LUOT_DEMO: '1', LUOT_PROVINCE_NAME: 'Thành phố Hồ Chí Minh — Trung tâm điều hành' });
  await hub.start();
  const accounts = hub.accounts();
  adminToken = (await api<{ token: string }>(hub.url, '/api/auth/login', null, { username: 'tinh-admin', password: accounts['tinh-admin'] })).token;

  const real = await api<{ center: { id: number }; key: string }>(hub.url, '/api/hub/centers', adminToken, { code: REAL, name: 'Phường Hiệp Tân' });
  center = new LuotProcess('center', await freePort(), {
    LUOT_DB: join(dir, 'center.db'),
    LUOT_DEMO: '1',
    LUOT_HUB_URL: hub.url,
    LUOT_HUB_CENTER_ID: String(real.center.id),
    LUOT_HUB_KEY: real.key,
    LUOT_HUB_SYNC_MS: '300',
  });
  await center.start();

  // The rest of the province: centers that report through the same sync API, a few never connected.
  const sims = simulatedCenterNames(SIMULATED);
  const registered: { id: number; key: string; i: number }[] = [];
  for (const [i, s] of sims.entries()) {
    const r = await api<{ center: { id: number }; key: string }>(hub.url, '/api/hub/centers', adminToken, s);
    if (i % 60 !== 7) registered.push({ id: r.center.id, key: r.key, i });
  }
  const now = Date.now();
  const batches = new Map(registered.map((r) => [r.id, simulatedBatch(r.id, sims[r.i]?.name ?? '', r.i, now)]));
  for (const r of registered) await api(hub.url, `/api/sync/centers/${r.id}/batches`, r.key, batches.get(r.id));
  // They keep reporting their live status, as linked centers do every few seconds.
  refresh = setInterval(() => {
    for (const r of registered) {
      const b = batches.get(r.id);
      if (!b?.live) continue;
      const head = b.events.items.at(-1)?.id ?? 0;
      void api(hub.url, `/api/sync/centers/${r.id}/batches`, r.key, { ...b, events: { after: head, items: [] }, config: undefined, live: { ...b.live, at: Date.now() } }).catch(() => undefined);
    }
  }, 8_000);

  browser = await launchBrowser();
  leader = await HubConsolePage.signedIn(browser, hub.url, 'tinh-xem', accounts['tinh-xem'] ?? '');
}, 240_000);

afterAll(async () => {
  clearInterval(refresh);
  await leader?.close();
  await browser?.close();
  await center?.stop();
  await hub?.stop();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function demoKiosk(): Promise<string> {
  return (await api<{ token: string }>(center.url, '/api/demo/device?kind=kiosk', null)).token;
}

describe('the province board in the hub console', () => {
  it('shows all 170 centers, the ones needing attention first, and a call at a center within seconds', async () => {
    await leader.board().waitFor();
    await expect.poll(() => leader.rows().count(), { timeout: 30_000 }).toBe(SIMULATED + 1);
    await expect.poll(async () => leader.row(REAL).getAttribute('data-online'), { timeout: 30_000 }).toBe('true');

    // Citizens take numbers at the real center; an officer calls one.
    const kiosk = await demoKiosk();
    const fields = (await api<{ fields: { id: number; code: string }[] }>(center.url, '/api/center', kiosk)).fields;
    const results = fields.find((f) => f.code === 'tra-ket-qua')?.id ?? 0;
    for (let i = 0; i < 4; i++) await api(center.url, '/api/tickets', kiosk, { fieldId: results });
    await expect.poll(() => leader.waitingAt(REAL), { timeout: 15_000 }).toBe(4);
    const officer = (await api<{ token: string }>(center.url, '/api/auth/login', null, { username: 'quay8', password: center.accounts().quay8 })).token;
    const counters = await api<{ id: number; number: number }[]>(center.url, '/api/counters', officer);
    const eight = counters.find((c) => c.number === 8)?.id ?? 0;
    await api(center.url, `/api/counters/${eight}/join`, officer, {});
    await api(center.url, `/api/counters/${eight}/call-next`, officer, {});
    await expect.poll(() => leader.waitingAt(REAL), { timeout: 15_000 }).toBe(3);

    // Worst first: the board's order matches the hub's own figures (over target, then alerts, then offline …).
    const board = await api<ProvinceBoard>(hub.url, '/api/hub/board', adminToken);
    const order = await leader.order();
    const first = board.rows.find((r: BoardRow) => r.code === order[0]);
    expect(first?.overTarget).toBe(true);
    const offlineCodes = new Set(board.rows.filter((r) => !r.online).map((r) => r.code));
    expect(offlineCodes.size).toBeGreaterThanOrEqual(3);
    expect(order.findIndex((c) => offlineCodes.has(c))).toBeGreaterThan(order.findIndex((c) => !offlineCodes.has(c) && board.rows.find((r) => r.code === c)?.overTarget));
    await leader.page.waitForTimeout(1_200);
    await screenshot(leader.page, 'hub-province-board');

    // Any column sorts: the lowest share within target first.
    await leader.page.getByTestId('sort-within').click();
    const byWithin = await leader.order();
    const shares = byWithin.map((c) => board.rows.find((r) => r.code === c)?.withinTargetShare ?? -1);
    expect(shares.slice(0, 20)).toEqual([...shares.slice(0, 20)].sort((a, b) => a - b));
    await leader.page.getByTestId('sort-attention').click();

    // Drill-down: the real center's board, read-only, with the call just made.
    await leader.row(REAL).getByTestId('open-center').click();
    await leader.page.getByTestId('center-board').waitFor();
    await leader.page.getByTestId('center-read-only').waitFor();
    await expect.poll(() => leader.page.getByTestId('hub-counter-ticket').filter({ hasText: 'F' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await leader.page.getByRole('button', { name: /Gọi|Hoàn thành|Đóng quầy/ }).count()).toBe(0);
    await screenshot(leader.page, 'hub-center-board');
    await leader.page.getByTestId('back-to-province').click();
    await leader.board().waitFor();
  });

  it('reports across centers with the center’s charts and exports, ranked', async () => {
    await leader.page.getByTestId('nav-reports').click();
    await leader.page.getByTestId('report-period-today').check();
    await leader.page.getByTestId('report-group-center').check();
    await leader.page.getByTestId('hub-report-rank').selectOption('withinTarget');
    await leader.page.locator('[data-testid="report-table"][data-group-by="center"]').waitFor();
    // The table first shows the unranked report asked for when "by center" was chosen; wait for the ranked one.
    await expect.poll(() => leader.page.locator('[data-testid="report-table"] tbody tr th').first().innerText(), { timeout: 15_000 }).toMatch(/^1\. /);
    const hubReport = await api<{ rows: { label: { vi: string }; withinTargetShare: number | null }[] }>(hub.url, '/api/hub/reports?period=today&groupBy=center&rankBy=withinTarget', adminToken);
    const shown = await leader.page.locator('[data-testid="report-table"] tbody tr th').allInnerTexts();
    expect(shown.slice(0, 5)).toEqual(hubReport.rows.slice(0, 5).map((r) => r.label.vi));
    expect(shown[0]).toMatch(/^1\. /);
    const download = leader.page.waitForEvent('download');
    await leader.page.getByTestId('report-download-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/^Báo cáo theo trung tâm .*\.xlsx$/);
    await screenshot(leader.page, 'hub-reports');
  });
});
