import type { CounterSnapshot, HallSnapshot, ServerDelta, ServerMessage, ServerSnapshot } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
let url: string;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startTestServer({ listen: true, heartbeatMs: 200 });
  center = await smallCenter(server);
  url = `${baseUrl(server).replace('http', 'ws')}/ws`;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.dispose();
});

async function connect(token: string) {
  const s = await TestSocket.hello(url, token);
  sockets.push(s);
  return s;
}

const isSnapshot = (stream: string) => (m: ServerMessage): m is ServerSnapshot => m.type === 'snapshot' && m.stream === stream;
const isDelta = (stream: string, cause?: string) => (m: ServerMessage): m is ServerDelta =>
  m.type === 'delta' && m.stream === stream && (cause === undefined || m.change.cause === cause);

async function callNext(token: string, counterId: number) {
  const res = await fetch(`${baseUrl(server)}/api/counters/${counterId}/call-next`, { method: 'POST', headers: bearer(token) });
  expect(res.status).toBe(200);
}

describe('realtime protocol', () => {
  it('hello → welcome → snapshot; each screen gets only its topics', async () => {
    await issue(server, center.kiosk, center.fieldA);
    const hall = await connect(deviceToken(server, 'hall_board'));
    const display1 = await connect(deviceToken(server, 'counter_display', center.counter1));
    const display2 = await connect(deviceToken(server, 'counter_display', center.counter2));
    const supervisor = await connect(center.supervisor);

    const welcome = await hall.next((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ protocol: 1, identity: { kind: 'device', deviceKind: 'hall_board' } });
    expect(welcome.type === 'welcome' && welcome.streams[0]).toBe('hall');
    expect(welcome.type === 'welcome' && welcome.streams[1]).toMatch(/^device:\d+$/);
    const hallSnap = await hall.next(isSnapshot('hall'));
    expect((hallSnap.data as HallSnapshot).fields.find((f) => f.id === center.fieldA)?.waiting).toBe(1);
    const counterSnap = await display1.next(isSnapshot(`counter:${center.counter1}`));
    expect((counterSnap.data as CounterSnapshot).counter.number).toBe(1);
    expect((counterSnap.data as CounterSnapshot).fields).toEqual([{ id: center.fieldA, nameVi: 'Lĩnh vực a', nameEn: 'Field a' }]);
    expect(welcome.type === 'welcome' && welcome.serverTime).toBe(new Date(server.clock.now()).toISOString());
    expect((await supervisor.next((m) => m.type === 'welcome')).type === 'welcome' && supervisor.messages.some((m) => m.type === 'snapshot' && m.stream === 'center')).toBe(true);

    await callNext(center.officer1, center.counter1);
    const hallCall = await hall.next(isDelta('hall', 'called'));
    expect(hallCall.change.call).toMatchObject({ number: 'A001', counterNumber: 1, recall: false });
    expect(hallCall.change.fields?.find((f) => f.id === center.fieldA)?.waiting).toBe(0);
    const mine = await display1.next(isDelta(`counter:${center.counter1}`, 'called'));
    expect(mine.change.counters?.[0]?.current?.number).toBe('A001');
    const sup = await supervisor.next(isDelta('center', 'called'));
    expect(sup.change.tickets?.[0]).toMatchObject({ number: 'A001', status: 'called' });
    // Counter 2's screen hears nothing about counter 1.
    await new Promise((r) => setTimeout(r, 100));
    expect(display2.messages.filter((m) => m.type === 'delta')).toHaveLength(0);
  });

  it('numbers deltas per stream without gaps, and a resync returns a fresh snapshot', async () => {
    const hall = await connect(deviceToken(server, 'hall_board'));
    const start = (await hall.next(isSnapshot('hall'))).seq;
    for (let i = 0; i < 3; i++) await issue(server, center.kiosk, center.fieldA);
    await hall.next((m) => m.type === 'delta' && m.seq === start + 3);
    const seqs = hall.messages.filter((m): m is ServerDelta => m.type === 'delta').map((m) => m.seq);
    expect(seqs).toEqual([start + 1, start + 2, start + 3]);
    hall.send({ type: 'resync', stream: 'hall' });
    const fresh = await hall.waitNew((m) => m.type === 'snapshot');
    expect(fresh.type === 'snapshot' && fresh.seq).toBe(start + 3);
    expect(fresh.type === 'snapshot' && (fresh.data as HallSnapshot).fields.find((f) => f.id === center.fieldA)?.waiting).toBe(3);
    // A stream it does not follow is refused.
    hall.send({ type: 'resync', stream: 'center' });
    expect(await hall.waitNew((m) => m.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a screen that reconnects gets a snapshot with everything it missed', async () => {
    const token = deviceToken(server, 'counter_display', center.counter1);
    const first = await connect(token);
    await first.next(isSnapshot(`counter:${center.counter1}`));
    first.close();
    await first.waitClose();
    await issue(server, center.kiosk, center.fieldA);
    await callNext(center.officer1, center.counter1);
    const again = await connect(token);
    const snap = await again.next(isSnapshot(`counter:${center.counter1}`));
    expect((snap.data as CounterSnapshot).counter.current).toMatchObject({ number: 'A001', status: 'called' });
    expect(snap.seq).toBeGreaterThan(0);
  });

  it('gives each screen its own settings stream: sound, volume and calm change live when an admin sets them', async () => {
    const created = server.deps.auth.createPairedDevice({ kind: 'hall_board', name: 'TV sảnh', counterId: null });
    const board = await connect(created.token);
    const stream = `device:${created.device.id}`;
    const first = await board.next(isSnapshot(stream));
    expect(first.data).toEqual({ settings: { soundEnabled: true, volume: 80 } });
    const res = await fetch(`${baseUrl(server)}/api/devices/${created.device.id}/settings`, {
      method: 'PUT',
      headers: { ...bearer(center.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ soundEnabled: false, volume: 35 }),
    });
    expect(res.status).toBe(200);
    const change = await board.next(isDelta(stream, 'device_settings'));
    expect(change.change.settings).toEqual({ soundEnabled: false, volume: 35 });
    // The calm setting (no scrolling notice, no flashing) travels the same way, and a reconnecting screen gets it.
    const calm = await fetch(`${baseUrl(server)}/api/devices/${created.device.id}/settings`, {
      method: 'PUT',
      headers: { ...bearer(center.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ soundEnabled: false, volume: 35, calm: true }),
    });
    expect(calm.status).toBe(200);
    const calmChange = await board.next((m) => isDelta(stream, 'device_settings')(m) && m.type === 'delta' && m.change.settings?.calm === true);
    expect(calmChange.type === 'delta' && calmChange.change.settings).toEqual({ soundEnabled: false, volume: 35, calm: true });
    const again = await connect(created.token);
    expect((await again.next(isSnapshot(stream))).data).toEqual({ settings: { soundEnabled: false, volume: 35, calm: true } });
    const bad = await fetch(`${baseUrl(server)}/api/devices/${created.device.id}/settings`, {
      method: 'PUT',
      headers: { ...bearer(center.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ soundEnabled: true, volume: 150 }),
    });
    expect(bad.status).toBe(400);
    // Another screen cannot follow this one's stream.
    const other = await connect(deviceToken(server, 'hall_board'));
    other.send({ type: 'resync', stream });
    expect(await other.waitNew((m) => m.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ends a revoked screen’s stream at the next heartbeat', async () => {
    const created = server.deps.auth.createPairedDevice({ kind: 'hall_board', name: 'TV', counterId: null });
    const board = await connect(created.token);
    server.deps.auth.revokeDevice(created.device.id);
    expect(await board.next((m) => m.type === 'error', 2000)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await board.waitClose()).code).toBe(4001);
  });

  it('tells hall boards at once when the admin changes the center name or notice', async () => {
    const board = await connect(deviceToken(server, 'hall_board'));
    const profile = { name: 'Trung tâm Phục vụ hành chính công xã Đông Hòa', address: '', logo: '', dayRollover: '00:00', receiptFooter: '', hallNotice: 'Hôm nay làm việc đến 17 giờ' };
    const res = await fetch(`${baseUrl(server)}/api/admin/center`, { method: 'PUT', headers: { ...bearer(center.admin), 'content-type': 'application/json' }, body: JSON.stringify(profile) });
    expect(res.status).toBe(200);
    const change = await board.next(isDelta('hall', 'center_updated'));
    expect(change.change.center).toEqual({ name: profile.name, notice: profile.hallNotice });
  });

  it('tells a counter screen when an officer signs in or out', async () => {
    const display = await connect(deviceToken(server, 'counter_display', center.counter1));
    await fetch(`${baseUrl(server)}/api/counters/${center.counter1}/leave`, {
      method: 'POST',
      headers: { ...bearer(center.officer1), 'content-type': 'application/json' },
      body: JSON.stringify({ counter: 'pause', reason: 'họp' }),
    });
    const left = await display.next(isDelta(`counter:${center.counter1}`, 'officer_left'));
    expect(left.change.counters?.[0]?.officer).toBeNull();
    await fetch(`${baseUrl(server)}/api/counters/${center.counter1}/join`, { method: 'POST', headers: bearer(center.officer1) });
    const joined = await display.next(isDelta(`counter:${center.counter1}`, 'officer_joined'));
    expect(joined.change.counters?.[0]?.officer?.name).toBe('Cán bộ officer1');
  });

  it('answers bad frames with an error frame and keeps serving the connection', async () => {
    const hall = await connect(deviceToken(server, 'hall_board'));
    for (const frame of ['not json', '{"type":"hello"}', JSON.stringify({ type: 'shout', text: 'xin chào' }), JSON.stringify({ type: 'resync', stream: '../etc' })]) {
      hall.send(frame);
      const err = await hall.waitNew((m) => m.type === 'error');
      expect(err.type === 'error' && err.code).toBe('BAD_FRAME');
      expect(err.type === 'error' && err.message.vi).toBe('Tin nhắn gửi lên không hợp lệ.');
    }
    hall.ws.send(Buffer.from([0xff, 0x00]), { binary: true });
    expect(await hall.waitNew((m) => m.type === 'error')).toMatchObject({ code: 'BAD_FRAME' });
    await issue(server, center.kiosk, center.fieldA);
    await hall.waitNew((m) => m.type === 'delta');
    expect(hall.closed).toBeNull();
  });

  it('closes a connection with a bad token or an old protocol, and drops oversized frames without harm', async () => {
    const forged = await TestSocket.open(url);
    forged.send({ type: 'hello', protocol: 1, token: 'd_forged' });
    expect(await forged.next((m) => m.type === 'error')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await forged.waitClose()).code).toBe(4001);
    const old = await TestSocket.open(url);
    old.send({ type: 'hello', protocol: 0, token: center.supervisor });
    expect(await old.next((m) => m.type === 'error')).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    const big = await TestSocket.open(url);
    big.send('x'.repeat(100 * 1024));
    expect((await big.waitClose()).code).toBe(1009);
    const ok = await connect(center.supervisor);
    expect(ok.messages.some((m) => m.type === 'snapshot')).toBe(true);
  });

  it('sends heartbeats and drops peers that stop answering', async () => {
    const hall = await connect(deviceToken(server, 'hall_board'));
    await hall.waitNew((m) => m.type === 'ping', 1000);
    // A peer that never answers protocol pings is terminated after two beats.
    const silent = await TestSocket.open(url, { autoPong: false });
    silent.send({ type: 'hello', protocol: 1, token: center.supervisor });
    await silent.next((m) => m.type === 'welcome');
    expect(server.deps.hub.clientCount()).toBe(2);
    await silent.waitClose(2000);
    expect(hall.closed).toBeNull();
  });
});
