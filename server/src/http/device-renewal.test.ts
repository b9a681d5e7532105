import type { ErrorBody, IssuedTicket, RenewResponse } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { baseUrl, startTestServer, type TestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
const DAY_MINUTES = 24 * 60;

beforeEach(async () => {
  server = await startTestServer({ listen: true });
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

const renew = (token: string) => server.app.inject({ method: 'POST', url: '/api/devices/renew', headers: bearer(token) });

describe('device tokens', () => {
  it('slide forward while the device is in use', async () => {
    for (let day = 0; day < 20; day++) {
      server.clock.advance(DAY_MINUTES);
      expect((await issue(server, center.kiosk, center.fieldA)).statusCode, `day ${day}`).toBe(201);
    }
  });

  it('expire after a week switched off; the device renews itself and the old token stops working', async () => {
    server.clock.advance(8 * DAY_MINUTES);
    const refused = await issue(server, center.kiosk, center.fieldA);
    expect(refused.statusCode).toBe(401);
    expect(refused.json<ErrorBody>().code).toBe('DEVICE_TOKEN_EXPIRED');
    const res = await renew(center.kiosk);
    expect(res.statusCode).toBe(200);
    const fresh = res.json<RenewResponse>();
    expect(fresh.token).not.toBe(center.kiosk);
    expect(fresh.device.kind).toBe('kiosk');
    expect((await issue(server, fresh.token, center.fieldA)).json<IssuedTicket>().ticket.number).toBe('A001');
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(401);
    expect((await renew(center.kiosk)).json<ErrorBody>().code).toBe('DEVICE_REQUIRED');
  });

  it('an expired screen is told so on the socket, renews, and reconnects', async () => {
    const display = deviceToken(server, 'counter_display', center.counter1);
    server.clock.advance(8 * DAY_MINUTES);
    const url = `${baseUrl(server).replace('http', 'ws')}/ws`;
    const stale = await TestSocket.open(url);
    stale.send({ type: 'hello', protocol: 1, token: display });
    expect(await stale.next((m) => m.type === 'error')).toMatchObject({ code: 'DEVICE_TOKEN_EXPIRED' });
    expect((await stale.waitClose()).code).toBe(4003);
    const { token } = (await renew(display)).json<RenewResponse>();
    const again = await TestSocket.hello(url, token);
    expect(again.messages.some((m) => m.type === 'welcome')).toBe(true);
    again.close();
  });

  it('cannot be renewed once revoked, after the grace period, or with a staff token', async () => {
    const list = (await server.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(center.admin) })).json<{ id: number; kind: string }[]>();
    const kioskId = list.find((d) => d.kind === 'kiosk')?.id;
    await server.app.inject({ method: 'DELETE', url: `/api/devices/${kioskId}`, headers: bearer(center.admin) });
    expect((await renew(center.kiosk)).statusCode).toBe(401);
    const board = deviceToken(server, 'hall_board');
    server.clock.advance(100 * DAY_MINUTES);
    expect((await renew(board)).json<ErrorBody>().code).toBe('DEVICE_REQUIRED');
    expect((await renew(center.supervisor)).statusCode).toBe(401);
  });
});
