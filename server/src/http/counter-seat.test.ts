import type { ErrorBody, Me } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCounter, addField, addStaff, bearer, deviceToken, issue, login } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let fieldId: number;
let counter5: number;
let kiosk: string;

beforeEach(async () => {
  server = await startTestServer();
  fieldId = addField(server, { code: 'a', prefix: 'A' });
  counter5 = addCounter(server, 5, [fieldId]);
  await addStaff(server, 'quay5', 'officer');
  await addStaff(server, 'dongnghiep', 'officer');
  kiosk = deviceToken(server, 'kiosk');
});
afterEach(async () => server.dispose());

const post = (token: string, url: string, payload?: object) => server.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
// Leaving a counter says what becomes of it (since #11): here it closes.
const leave = (token: string, counterId: number) => post(token, `/api/counters/${counterId}/leave`, { counter: 'close' });
const me = async (token: string) => (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).json<Me>();

describe('one seat per counter, held by one session', () => {
  it('a second session of the same account takes the seat; the first loses it at once and cannot act there', async () => {
    const s1 = await login(server, 'quay5');
    const s2 = await login(server, 'quay5');
    expect((await post(s1, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect((await post(s2, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect((await me(s1)).counterId).toBeNull();
    expect((await me(s2)).counterId).toBe(counter5);
    await issue(server, kiosk, fieldId);
    const refused = await post(s1, `/api/counters/${counter5}/call-next`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('NOT_AT_THIS_COUNTER');
  });

  it('after S2 leaves and a colleague sits down, S1 cannot call at the colleague’s counter, and nothing is recorded under the wrong officer', async () => {
    const s1 = await login(server, 'quay5');
    const s2 = await login(server, 'quay5');
    expect((await post(s1, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect((await post(s2, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect((await leave(s2, counter5)).statusCode).toBe(200);
    const colleague = await login(server, 'dongnghiep');
    expect((await post(colleague, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    // S2 closed the counter on leaving, so the colleague opens it, as at a real desk.
    expect((await post(colleague, `/api/counters/${counter5}/open`)).statusCode).toBe(200);
    await issue(server, kiosk, fieldId);

    const stale = await post(s1, `/api/counters/${counter5}/call-next`);
    expect(stale.statusCode).toBe(403);
    expect(stale.json<ErrorBody>().code).toBe('NOT_AT_THIS_COUNTER');
    expect(server.store.sqlite.prepare(`SELECT count(*) AS n FROM events WHERE type = 'called'`).get()).toEqual({ n: 0 });

    expect((await post(colleague, `/api/counters/${counter5}/call-next`)).statusCode).toBe(200);
    const called = server.store.sqlite.prepare(`SELECT s.username FROM events e JOIN staff s ON s.id = e.actor_id WHERE e.type = 'called'`).all();
    expect(called).toEqual([{ username: 'dongnghiep' }]);
  });

  it('a session that held the counter and left cannot act there any more, even with no one else seated', async () => {
    const s1 = await login(server, 'quay5');
    expect((await post(s1, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect((await leave(s1, counter5)).statusCode).toBe(200);
    await issue(server, kiosk, fieldId);
    expect((await post(s1, `/api/counters/${counter5}/call-next`)).statusCode).toBe(403);
  });

  it('the database itself refuses two sessions seated at one counter', async () => {
    const s1 = await login(server, 'quay5');
    const s2 = await login(server, 'quay5');
    expect((await post(s1, `/api/counters/${counter5}/join`)).statusCode).toBe(200);
    expect(() => server.store.sqlite.prepare('UPDATE sessions SET counter_id = ?').run(counter5)).toThrow(/UNIQUE/);
    expect((await me(s2)).counterId).toBeNull();
  });
});
