import type { AdminStaff, ErrorBody } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, login, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

/** Each of these once read as 1. */
const spellingsOfOne = ['1.9', 'true', '0x1', '%201', '1%20', '1e0', '01', '+1', '1.0', '0b1', '%091'];

describe('ids in paths and queries are canonical whole numbers or a 400', () => {
  it('GET /api/tickets/<id> answers ticket 1 only for "1"', async () => {
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
    const plain = await server.app.inject({ method: 'GET', url: '/api/tickets/1', headers: bearer(center.supervisor) });
    expect(plain.statusCode).toBe(200);
    for (const spelling of spellingsOfOne) {
      const res = await server.app.inject({ method: 'GET', url: `/api/tickets/${spelling}`, headers: bearer(center.supervisor) });
      expect(res.statusCode, spelling).toBe(400);
      expect(res.json<ErrorBody>().code, spelling).toBe('VALIDATION_FAILED');
    }
  });

  it('a fractional staff id does not reset anybody’s password', async () => {
    const staff = (await server.app.inject({ method: 'GET', url: '/api/admin/staff', headers: bearer(center.admin) })).json<AdminStaff[]>();
    const officer1 = staff.find((s) => s.username === 'officer1');
    expect(officer1?.id).toBe(1);
    for (const spelling of ['1.5', '1.0', '01', 'true']) {
      const res = await server.app.inject({ method: 'POST', url: `/api/admin/staff/${spelling}/reset-password`, headers: bearer(center.admin) });
      expect(res.statusCode, spelling).toBe(400);
    }
    // The old password still works and the officer's session was not ended.
    await login(server, 'officer1');
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(center.officer1) });
    expect(me.statusCode).toBe(200);
  });

  it('query numbers and booleans are read only when spelled canonically', async () => {
    const audit = (limit: string) => server.app.inject({ method: 'GET', url: `/api/admin/audit?limit=${limit}`, headers: bearer(center.admin) });
    expect((await audit('10')).statusCode).toBe(200);
    for (const spelling of ['1e1', '010', '10.0', '0x0a', '%2010']) expect((await audit(spelling)).statusCode, spelling).toBe(400);

    const board = deviceToken(server, 'hall_board');
    const voice = (query: string) => server.app.inject({ method: 'GET', url: `/api/voice/call?${query}`, headers: bearer(board) });
    for (const query of ['number=A001&counter=01', 'number=A001&counter=1&english=1', 'number=A001&counter=1&english=TRUE', 'number=A001&counter=1&counter=2']) {
      const res = await voice(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<ErrorBody>().code, query).toBe('VALIDATION_FAILED');
    }
  });
});
