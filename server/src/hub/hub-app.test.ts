import { SYNC_PROTOCOL, configHash, type BoardRow, type CenterConfigSnapshot, type HubCenterKey, type HubLoginResponse, type HubServerMessage, type HubStaffWithPassword, type SyncBatch, type SyncEvent } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bearer } from '../test-support/fixtures.ts';
import { startTestHub, type TestHub } from '../test-support/test-hub.ts';

let hub: TestHub;
let admin: string;

beforeEach(async () => {
  hub = await startTestHub();
  const first = await hub.deps.auth.createStaff({ username: 'tinh-admin', name: 'Quản trị cấp tỉnh', role: 'province_admin' });
  admin = await signIn(hub, 'tinh-admin', first.password);
});
afterEach(async () => hub.dispose());

async function signIn(h: TestHub, username: string, password: string): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HubLoginResponse>().token;
}

const config: CenterConfigSnapshot = {
  name: 'Phường Bến Thành',
  address: '',
  dayRollover: '00:00',
  fields: [{ id: 1, parentId: null, code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', prefix: 'B', targetWaitMinutes: 20, position: 0, active: true }],
  counters: [{ id: 1, number: 1, name: 'Quầy số 1', active: true }],
  staff: [{ id: 1, name: 'Nguyễn Văn A', role: 'officer', active: true }],
};

/** A ticket issued, called and served, starting at `at`, with event ids from `firstId`. */
function visit(firstId: number, ticketId: number, at: number): SyncEvent[] {
  const day = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
  const base = { counterId: null, fieldId: 1, fromStatus: null, toStatus: null, actorId: null, deviceId: null, data: {}, serviceDay: day, issuedAt: at, ticketId };
  return [
    { ...base, id: firstId, at, type: 'issued', toStatus: 'waiting' },
    { ...base, id: firstId + 1, at: at + 600_000, type: 'called', counterId: 1, actorId: 1 },
    { ...base, id: firstId + 2, at: at + 660_000, type: 'serving', counterId: 1, actorId: 1 },
    { ...base, id: firstId + 3, at: at + 960_000, type: 'done', counterId: 1, actorId: 1 },
  ];
}

function batch(centerId: number, after: number, items: SyncEvent[], withConfig: boolean): SyncBatch {
  const last = items.at(-1);
  return {
    protocol: SYNC_PROTOCOL,
    centerId,
    events: { after, items },
    ratings: { after: 0, items: [] },
    head: { eventId: last?.id ?? after, eventAt: last?.at ?? null, ratingId: 0 },
    ...(withConfig ? { config } : {}),
    configHash: configHash(config),
  };
}

describe('province accounts and roles', () => {
  it('lets the province admin register centers and accounts, and the viewer only read', async () => {
    const created = await hub.app.inject({ method: 'POST', url: '/api/hub/staff', headers: bearer(admin), payload: { username: 'lanhdao', name: 'Lãnh đạo tỉnh', role: 'province_viewer' } });
    expect(created.statusCode, created.body).toBe(201);
    const viewer = await signIn(hub, 'lanhdao', created.json<HubStaffWithPassword>().password);

    const register = (token: string) => hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: bearer(token), payload: { code: 'ben-thanh', name: 'Phường Bến Thành' } });
    expect((await register(viewer)).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const registered = await register(admin);
    expect(registered.statusCode).toBe(201);
    const { center, key } = registered.json<HubCenterKey>();
    expect(key).toMatch(/^hk_/);
    expect((await register(admin)).json()).toMatchObject({ statusCode: 409, code: 'CENTER_CODE_TAKEN' });

    for (const [method, url] of [
      ['POST', `/api/hub/centers/${center.id}/key`],
      ['DELETE', `/api/hub/centers/${center.id}/key`],
      ['POST', `/api/hub/centers/${center.id}/resync`],
      ['GET', '/api/hub/staff'],
      ['POST', '/api/hub/staff/1/reset-password'],
    ] as const) {
      expect((await hub.app.inject({ method, url, headers: bearer(viewer) })).statusCode, url).toBe(403);
    }
    for (const url of ['/api/hub/board', `/api/hub/centers/${center.id}/board`, '/api/hub/reports', '/api/hub/centers']) {
      expect((await hub.app.inject({ method: 'GET', url, headers: bearer(viewer) })).statusCode, url).toBe(200);
      expect((await hub.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      // A center's key opens nothing of the staff's.
      expect((await hub.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode, url).toBe(401);
    }

    // A new key replaces the old at once; a revoked key opens nothing.
    const position = (token: string) => hub.app.inject({ method: 'GET', url: `/api/sync/centers/${center.id}/position`, headers: bearer(token) });
    expect((await position(key)).statusCode).toBe(200);
    const renewed = (await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${center.id}/key`, headers: bearer(admin) })).json<HubCenterKey>().key;
    expect((await position(key)).json()).toMatchObject({ statusCode: 401, code: 'SYNC_KEY_INVALID' });
    expect((await position(renewed)).statusCode).toBe(200);
    await hub.app.inject({ method: 'DELETE', url: `/api/hub/centers/${center.id}/key`, headers: bearer(admin) });
    expect((await position(renewed)).statusCode).toBe(401);

    // The last admin cannot be demoted; a disabled viewer is signed out.
    const me = (await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(admin) })).json<{ id: number }>();
    const demote = await hub.app.inject({ method: 'PUT', url: `/api/hub/staff/${me.id}`, headers: bearer(admin), payload: { name: 'X', role: 'province_viewer', active: true } });
    expect(demote.json()).toMatchObject({ code: 'LAST_ADMIN' });
    const viewerId = created.json<HubStaffWithPassword>().staff.id;
    await hub.app.inject({ method: 'PUT', url: `/api/hub/staff/${viewerId}`, headers: bearer(admin), payload: { name: 'Lãnh đạo tỉnh', role: 'province_viewer', active: false } });
    expect((await hub.app.inject({ method: 'GET', url: '/api/hub/board', headers: bearer(viewer) })).statusCode).toBe(401);
  });
});

describe('events partitioned by month', () => {
  it('stores each month’s events in its own partition, created on demand', async () => {
    const { center, key } = await hub.deps.centers.register({ code: 'ben-thanh', name: 'Phường Bến Thành' });
    const oct = visit(1, 1, Date.parse('2026-10-30T02:00:00Z'));
    const nov = visit(5, 2, Date.parse('2026-11-02T02:00:00Z'));
    const res = await hub.app.inject({ method: 'POST', url: `/api/sync/centers/${center.id}/batches`, headers: bearer(key), payload: batch(center.id, 0, [...oct, ...nov], true) });
    expect(res.statusCode, res.body).toBe(200);
    const parts = await hub.store.sql`SELECT c.relname AS name, (SELECT count(*)::int FROM hub_events e WHERE e.tableoid = c.oid) AS n
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'hub_events' ORDER BY 1`;
    expect(parts).toEqual([
      { name: 'hub_events_2026_10', n: 4 },
      { name: 'hub_events_2026_11', n: 4 },
    ]);
  });
});

describe('two hub processes on one PostgreSQL', () => {
  it('show the same live board: a batch stored by one reaches the other’s browsers through LISTEN/NOTIFY', async () => {
    const second = await startTestHub({ databaseUrl: hub.databaseUrl });
    try {
      const { center, key } = await hub.deps.centers.register({ code: 'ben-thanh', name: 'Phường Bến Thành' });
      const ws = new WebSocket(`${second.url.replace('http', 'ws')}/api/hub/ws`);
      const messages: HubServerMessage[] = [];
      ws.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString()) as HubServerMessage));
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'hello', token: admin }));
      await expect.poll(() => messages.length).toBe(1);
      expect(messages[0]).toMatchObject({ type: 'board', board: { rows: [{ centerId: center.id, online: false, waiting: 0 }] } });

      const live = { at: Date.now(), serviceDay: '2026-11-23', fields: [{ fieldId: 1, waiting: 7, longestWaitSeconds: 1500, averageWaitLastHourSeconds: 600, servedToday: 3, targetWaitMinutes: 20, issuing: true }], counters: [{ counterId: 1, status: 'open' as const, pauseReason: null, officerName: 'Nguyễn Văn A', ticket: null, stateSinceSeconds: 30 }], alerts: [] };
      const res = await hub.app.inject({ method: 'POST', url: `/api/sync/centers/${center.id}/batches`, headers: bearer(key), payload: { ...batch(center.id, 0, [], true), live } });
      expect(res.statusCode, res.body).toBe(200);
      const row = (): BoardRow | undefined => messages.flatMap((m) => (m.type === 'center' ? [m.row] : [])).at(-1);
      await expect.poll(() => row()?.waiting, { timeout: 15_000 }).toBe(7);
      expect(row()).toMatchObject({ online: true, longestWaitSeconds: 1500, overTarget: true, openCounters: 1, name: 'Phường Bến Thành' });
      ws.close();
    } finally {
      await second.stop();
    }
  });
});
