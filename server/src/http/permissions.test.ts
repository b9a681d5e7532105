import type { ErrorBody, IssuedTicket } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, bearer, deviceToken, issue, login, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

type Method = 'GET' | 'POST' | 'DELETE';
const staffRoutes = (c: typeof center): [Method, string, object?][] => [
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/queue'],
  ['GET', '/api/counters'],
  ['POST', `/api/counters/${c.counter1}/join`],
  ['POST', `/api/counters/${c.counter1}/leave`],
  ['POST', `/api/counters/${c.counter1}/call-next`],
  ['POST', `/api/counters/${c.counter1}/recall`],
  ['POST', `/api/counters/${c.counter1}/start`],
  ['POST', `/api/counters/${c.counter1}/finish`, {}],
  ['POST', `/api/counters/${c.counter1}/no-show`],
  ['POST', `/api/counters/${c.counter1}/hold`, {}],
  ['POST', `/api/counters/${c.counter1}/call`, { ticketId: 1 }],
  ['POST', `/api/counters/${c.counter1}/pause`, { reason: 'họp' }],
  ['POST', `/api/counters/${c.counter1}/resume`],
  ['POST', `/api/counters/${c.counter1}/open`],
  ['POST', `/api/counters/${c.counter1}/close`],
  ['GET', '/api/tickets/1'],
  ['POST', '/api/tickets/1/return'],
  ['POST', '/api/tickets/1/transfer', { toFieldId: c.fieldB }],
  ['POST', '/api/tickets/1/cancel', {}],
  ['GET', '/api/devices'],
  ['POST', '/api/devices', { kind: 'kiosk', name: 'x' }],
  ['DELETE', '/api/devices/1'],
];

describe('staff routes', () => {
  it('every staff route refuses a request without login (401) and a device token (403)', async () => {
    const display = deviceToken(server, 'counter_display', center.counter1);
    for (const [method, url, payload] of staffRoutes(center)) {
      const anonymous = await server.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
      const forged = await server.app.inject({ method, url, headers: bearer('s_not-a-real-token'), ...(payload ? { payload } : {}) });
      expect(forged.statusCode, `forged ${method} ${url}`).toBe(401);
      for (const token of [center.kiosk, display]) {
        const device = await server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
        expect(device.statusCode, `device ${method} ${url}`).toBe(403);
      }
    }
  });

  it('admin-only routes refuse officers and supervisors (403)', async () => {
    const adminOnly: [Method, string, object?][] = [
      ['GET', '/api/devices'],
      ['POST', '/api/devices', { kind: 'kiosk', name: 'x' }],
      ['DELETE', '/api/devices/1'],
    ];
    for (const [method, url, payload] of adminOnly) {
      for (const token of [center.officer1, center.supervisor]) {
        const res = await server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json<ErrorBody>().code).toBe('FORBIDDEN');
      }
    }
  });

  it('a kiosk token cannot call a ticket; a counter display cannot issue one', async () => {
    await issue(server, center.kiosk, center.fieldA);
    const call = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/call-next`, headers: bearer(center.kiosk) });
    expect(call.statusCode).toBe(403);
    const display = deviceToken(server, 'counter_display', center.counter1);
    expect((await issue(server, display, center.fieldA)).statusCode).toBe(403);
  });

  it('an officer acts only at the counter they are signed in to', async () => {
    const t = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    const other = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/call-next`, headers: bearer(center.officer1) });
    expect(other.statusCode).toBe(403);
    expect(other.json<ErrorBody>().code).toBe('NOT_AT_THIS_COUNTER');
    const pauseOther = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/pause`, headers: bearer(center.officer1), payload: { reason: 'x' } });
    expect(pauseOther.statusCode).toBe(403);
    await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/call-next`, headers: bearer(center.officer2) });
    const cancelOthers = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.ticket.id}/cancel`, headers: bearer(center.officer1), payload: {} });
    expect(cancelOthers.statusCode).toBe(403);
    const takeSeat = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/join`, headers: bearer(center.officer1) });
    expect(takeSeat.json<ErrorBody>().code).toBe('COUNTER_TAKEN');
  });

  it('supervisors run counters and tickets anywhere but cannot manage devices; admins can', async () => {
    const t = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    const pause = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/pause`, headers: bearer(center.supervisor), payload: { reason: 'hỗ trợ công dân' } });
    expect(pause.statusCode).toBe(200);
    const cancel = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.ticket.id}/cancel`, headers: bearer(center.supervisor), payload: { reason: 'trùng số' } });
    expect(cancel.statusCode).toBe(200);
    const devices = await server.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(center.supervisor), payload: { kind: 'kiosk', name: 'Kiosk 2' } });
    expect(devices.statusCode).toBe(403);
    const asAdmin = await server.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(center.admin), payload: { kind: 'kiosk', name: 'Kiosk 2' } });
    expect(asAdmin.statusCode).toBe(201);
  });
});

describe('accounts and sessions', () => {
  it('a disabled account cannot log in and its open session stops working', async () => {
    const bob = await addStaff(server, 'bob', 'officer');
    const token = await login(server, 'bob');
    server.deps.auth.setActive(bob.id, false);
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    const again = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: bob.password } });
    expect(again.statusCode).toBe(403);
    expect(again.json<ErrorBody>().code).toBe('ACCOUNT_DISABLED');
  });

  it('wrong passwords are refused and login is rate-limited', async () => {
    await addStaff(server, 'carol', 'officer');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'carol', password: `sai-${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'carol', password: 'mật-khẩu-đủ-dài' } });
    expect(limited.json<ErrorBody>().code).toBe('TOO_MANY_ATTEMPTS');
    // The limit is per address and username: a colleague on the same machine can still sign in.
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'boss', password: 'mật-khẩu-đủ-dài' } })).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(center.supervisor) });
    expect(res.statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(center.supervisor) })).statusCode).toBe(401);
  });
});

describe('device pairing', () => {
  it('an admin registers a kiosk, the kiosk pairs with the one-time code, revocation ends it', async () => {
    const created = (await server.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(center.admin), payload: { kind: 'kiosk', name: 'Kiosk tầng 1' } })).json<{
      pairingCode: string;
      device: { id: number };
    }>();
    expect(created.pairingCode).toMatch(/^\d{8}$/);
    const paired = await server.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code: created.pairingCode } });
    expect(paired.statusCode).toBe(200);
    const token = paired.json<{ token: string }>().token;
    expect((await issue(server, token, center.fieldA)).statusCode).toBe(201);
    const reuse = await server.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code: created.pairingCode } });
    expect(reuse.json<ErrorBody>().code).toBe('PAIRING_CODE_INVALID');
    await server.app.inject({ method: 'DELETE', url: `/api/devices/${created.device.id}`, headers: bearer(center.admin) });
    expect((await issue(server, token, center.fieldA)).statusCode).toBe(401);
  });

  it('pairing codes expire after ten minutes', async () => {
    const created = (await server.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(center.admin), payload: { kind: 'hall_board', name: 'TV' } })).json<{ pairingCode: string }>();
    server.clock.advance(11);
    const late = await server.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { code: created.pairingCode } });
    expect(late.statusCode).toBe(400);
  });
});
