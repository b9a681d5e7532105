import { SYNC_PROTOCOL, type CenterConfigSnapshot, type CenterSyncStatus, type ReportGroupBy, type SyncBatch, type SyncPosition } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centerMorning } from '../test-support/center-flow.ts';
import { bearer, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { startTestHub, type TestHub } from '../test-support/test-hub.ts';
import { outboxRepo } from './outbox-repo.ts';

let hub: TestHub;
let center: TestServer;
let c: Awaited<ReturnType<typeof smallCenter>>;
let key: string;
let centerId: number;

beforeEach(async () => {
  hub = await startTestHub();
  center = await startTestServer();
  c = await smallCenter(center);
  const registered = await hub.deps.centers.register({ code: 'hiep-tan', name: 'Phường Hiệp Tân' });
  key = registered.key;
  centerId = registered.center.id;
  const res = await center.app.inject({ method: 'PUT', url: '/api/admin/hub-sync', headers: bearer(c.admin), payload: { hubUrl: hub.url, centerId, key } });
  expect(res.statusCode, res.body).toBe(200);
});
afterEach(async () => {
  center.deps.hubSync.stop();
  await center.dispose();
  await hub.dispose();
});

async function status(): Promise<CenterSyncStatus> {
  return (await center.app.inject({ method: 'GET', url: '/api/admin/hub-sync', headers: bearer(c.admin) })).json<CenterSyncStatus>();
}

/** Runs the sync until the hub holds everything the center has. */
async function synced(): Promise<CenterSyncStatus> {
  center.deps.hubSync.start();
  center.deps.hubSync.wake();
  await expect.poll(async () => (await status()).lagEvents, { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => (await status()).ackedRatingId).toBe(outboxRepo.head(center.store.db).ratingId);
  return status();
}

const hubCount = async (table: 'hub_events' | 'hub_ratings') => (await hub.store.sql.unsafe(`SELECT count(*)::int AS n FROM ${table} WHERE center_id = $1`, [centerId]))[0]?.n as number;
const centerCount = (table: 'events' | 'ratings') => center.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const rollupSnapshot = async () => hub.store.sql`SELECT * FROM hub_rollups WHERE center_id = ${centerId} ORDER BY day, field, counter, officer`;

describe('a center syncing to the province hub', () => {
  it('brings its whole log to the hub, and the hub’s report of the center equals the center’s own, for every grouping', async () => {
    await centerMorning(center, c, 2);
    const s = await synced();
    expect(s).toMatchObject({ configured: true, state: 'up_to_date', lagEvents: 0, lagSeconds: 0, lastError: null });
    expect(await hubCount('hub_events')).toBe(centerCount('events'));
    expect(await hubCount('hub_ratings')).toBe(centerCount('ratings'));
    expect(centerCount('ratings')).toBeGreaterThan(0);

    for (const groupBy of ['field', 'counter', 'officer', 'hour', 'day'] as ReportGroupBy[]) {
      const home = await center.deps.reports.report({ period: 'today', groupBy });
      const there = await hub.deps.reports.report({ from: home.from, to: home.to, groupBy, centerId });
      const { generatedAt: _a, ...homeFigures } = home;
      const { generatedAt: _b, title: _t, ...hubFigures } = there;
      expect(hubFigures, groupBy).toEqual(homeFigures);
    }
    // Both sides say where sync stands.
    const view = await hub.deps.centers.get(centerId);
    expect(view.sync).toMatchObject({ ackedEventId: s.headEventId, headEventId: s.headEventId, lagEvents: 0, lagSeconds: 0 });
  });

  it('refuses a resent batch with 409 and changes nothing; the center goes on from the hub’s position', async () => {
    await centerMorning(center, c);
    await synced();
    const before = { events: await hubCount('hub_events'), rollups: await rollupSnapshot() };
    const items = outboxRepo.eventsAfter(center.store.db, 0, 50);
    const batch: SyncBatch = {
      protocol: SYNC_PROTOCOL,
      centerId,
      events: { after: 0, items },
      ratings: { after: 0, items: [] },
      head: outboxRepo.head(center.store.db),
      configHash: '0000000000000000',
    };
    const replay = await hub.app.inject({ method: 'POST', url: `/api/sync/centers/${centerId}/batches`, headers: bearer(key), payload: batch });
    expect(replay.statusCode).toBe(409);
    expect(replay.json<{ code: string; message: { vi: string } }>()).toMatchObject({ code: 'SYNC_REPLAYED' });
    expect(replay.json<{ message: { vi: string } }>().message.vi).toContain('đã nhận');
    expect(await hubCount('hub_events')).toBe(before.events);
    expect(await rollupSnapshot()).toEqual(before.rollups);

    // A batch half old, half new stores only the new half.
    await centerMorning(center, c);
    const position = (await hub.app.inject({ method: 'GET', url: `/api/sync/centers/${centerId}/position`, headers: bearer(key) })).json<SyncPosition>();
    const overlap = outboxRepo.eventsAfter(center.store.db, position.events - 5, 1000);
    const res = await hub.app.inject({
      method: 'POST',
      url: `/api/sync/centers/${centerId}/batches`,
      headers: bearer(key),
      payload: { ...batch, events: { after: position.events - 5, items: overlap }, head: outboxRepo.head(center.store.db), configHash: position.configHash },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SyncPosition>().events).toBe(overlap.at(-1)?.id);
    expect(await hubCount('hub_events')).toBe(centerCount('events'));
  });

  it('answers a forged center id, a wrong key and malformed batches with a clear 4xx and stores nothing', async () => {
    await centerMorning(center, c);
    const other = await hub.deps.centers.register({ code: 'phu-nhuan', name: 'Phường Phú Nhuận' });
    const items = outboxRepo.eventsAfter(center.store.db, 0, 20);
    const config = outboxRepo.config(center.store.db, { name: 'X', address: '', dayRollover: '00:00' });
    const batch = { protocol: SYNC_PROTOCOL, centerId, events: { after: 0, items }, ratings: { after: 0, items: [] }, head: outboxRepo.head(center.store.db), configHash: '0000000000000000' };
    const send = (path: number, token: string, body: object) => hub.app.inject({ method: 'POST', url: `/api/sync/centers/${path}/batches`, headers: bearer(token), payload: body });

    // Another center's key sending as this center: by the path, then by the body.
    const forgedPath = await send(centerId, other.key, batch);
    expect(forgedPath.statusCode).toBe(403);
    expect(forgedPath.json()).toMatchObject({ code: 'SYNC_WRONG_CENTER' });
    const forgedBody = await send(other.center.id, other.key, batch);
    expect(forgedBody.statusCode).toBe(403);
    expect((await send(centerId, 'hk_1_not-a-key', batch)).json()).toMatchObject({ statusCode: 401, code: 'SYNC_KEY_INVALID' });
    expect((await send(centerId, c.admin, batch)).statusCode).toBe(401);

    const reversed = await send(centerId, key, { ...batch, events: { after: 0, items: [...items].reverse() } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'SYNC_BATCH_INVALID' });
    expect((await send(centerId, key, { ...batch, events: { after: 0, items: [{ ...items[0], type: 'exploded' }] } })).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await send(centerId, key, { ...batch, events: { after: 0, items: [{ ...items[0], data: { note: 'Bà Lan 0903 123 456' } }] } })).statusCode).toBe(400);
    expect((await send(centerId, key, { ...batch, config, configHash: 'abcdef0123456789' })).json()).toMatchObject({ code: 'SYNC_BATCH_INVALID' });
    expect((await send(centerId, key, { ...batch, events: { after: 7, items: items.filter((e) => e.id > 7) } })).json()).toMatchObject({ statusCode: 409, code: 'SYNC_GAP' });
    // Events without the center's set-up cannot be measured: the center is asked for it.
    expect((await send(centerId, key, batch)).json()).toMatchObject({ statusCode: 409, code: 'SYNC_CONFIG_NEEDED' });
    const garbage = await hub.app.inject({ method: 'POST', url: `/api/sync/centers/${centerId}/batches`, headers: { ...bearer(key), 'content-type': 'application/json' }, payload: '{"protocol":1,' });
    expect(garbage.statusCode).toBe(400);

    expect(await hubCount('hub_events')).toBe(0);
    expect((await hub.store.sql`SELECT count(*)::int AS n FROM hub_rollups`)[0]?.n).toBe(0);
    expect((await hub.deps.centers.get(centerId)).sync.ackedEventId).toBe(0);
  });

  it('sends each field’s service time and each counter’s priority mode in the set-up, and the hub keeps them', async () => {
    center.store.sqlite.prepare('UPDATE fields SET service_minutes = 12 WHERE id = ?').run(c.fieldA);
    center.store.sqlite.prepare("UPDATE counters SET priority_mode = 'priority_then_normal' WHERE id = ?").run(c.counter2);
    await centerMorning(center, c, 1);
    await synced();
    const [row] = await hub.store.sql`SELECT config FROM center_sync WHERE center_id = ${centerId}`;
    const config = row?.config as CenterConfigSnapshot;
    expect(config.fields.find((f) => f.id === c.fieldA)?.serviceMinutes).toBe(12);
    expect(config.fields.find((f) => f.id === c.fieldB)?.serviceMinutes).toBe(10);
    expect(config.counters.find((x) => x.id === c.counter2)?.priorityMode).toBe('priority_then_normal');
    expect(config.counters.find((x) => x.id === c.counter1)?.priorityMode).toBe('mixed');
    // Set-up only: no phone or citizen's name travels with it.
    expect(JSON.stringify(config)).not.toMatch(/"phone"|09\d{8}/);
  });

  it('never sends citizens’ personal data or free text: events carry numbers and states only', async () => {
    await centerMorning(center, c, 2);
    const events = outboxRepo.eventsAfter(center.store.db, 0, 10_000);
    const ratings = outboxRepo.ratingsAfter(center.store.db, 0, 10_000);
    const text = JSON.stringify({ events, ratings });
    const typedAtTheCenter = ['0903 123 456', '0912 000 111', '079201001234', 'Nguyễn Thị Lan', 'Trần Văn Nam', 'Lê Minh', 'HS-000123', 'nghỉ giữa giờ'];
    expect(center.store.sqlite.prepare(`SELECT count(*) FROM events WHERE data LIKE '%0903 123 456%'`).pluck().get()).toBe(2);
    for (const t of typedAtTheCenter) expect(text).not.toContain(t);
    for (const e of events) for (const v of Object.values(e.data)) expect(['number', 'boolean']).toContain(typeof v);
    const trackingCodes = center.store.sqlite.prepare('SELECT tracking_code FROM tickets').pluck().all() as string[];
    for (const code of trackingCodes) expect(text).not.toContain(code);
    for (const k of ['trackingCode', 'idempotencyKey', 'phone', 'note', 'reason', 'dossierCode']) expect(text).not.toContain(`"${k}"`);
    // And the hub holds only what was sent.
    await synced();
    const stored = JSON.stringify(await hub.store.sql`SELECT data FROM hub_events`);
    for (const t of typedAtTheCenter) expect(stored).not.toContain(t);
  });
});
