import type { AdminCounter, AdminField, CenterInfo, CenterSnapshot, CounterActionResponse, ErrorBody, IssuedTicket } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function call<T>(token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<T>() };
}

const callNext = (token: string, counterId: number) => call<CounterActionResponse & ErrorBody>(token, 'POST', `/api/counters/${counterId}/call-next`);

async function setField(fieldId: number, change: Partial<AdminField>) {
  const fields = (await call<AdminField[]>(center.admin, 'GET', '/api/admin/fields')).body;
  const { id: _id, active: _active, issuing: _issuing, ...body } = fields.find((f) => f.id === fieldId) ?? { id: 0, active: true, issuing: true };
  // The fixture's one-letter codes predate the admin form's pattern.
  return call<AdminField & ErrorBody>(center.admin, 'PUT', `/api/admin/fields/${fieldId}`, { ...body, code: `linh-vuc-${fieldId}`, ...change });
}

async function setCounter(counterId: number, change: Partial<AdminCounter>) {
  const counters = (await call<AdminCounter[]>(center.admin, 'GET', '/api/admin/counters')).body;
  const { id: _id, active: _active, ...body } = counters.find((c) => c.id === counterId) ?? { id: 0, active: true };
  return call<AdminCounter & ErrorBody>(center.admin, 'PUT', `/api/admin/counters/${counterId}`, { ...body, ...change });
}

describe('published service standards', () => {
  it('the admin sets the committed wait and usual service time; kiosks read them, and an old client keeps them', async () => {
    expect((await setField(center.fieldA, { targetWaitMinutes: 20, serviceMinutes: 12 })).body).toMatchObject({ targetWaitMinutes: 20, serviceMinutes: 12 });
    const info = (await call<CenterInfo>(center.kiosk, 'GET', '/api/center')).body;
    expect(info.fields.find((f) => f.id === center.fieldA)).toMatchObject({ targetWaitMinutes: 20, serviceMinutes: 12 });
    // A console from before #17 sends no service time: the one set stays.
    const fields = (await call<AdminField[]>(center.admin, 'GET', '/api/admin/fields')).body;
    const { id: _id, active: _a, issuing: _i, serviceMinutes: _s, ...old } = fields.find((f) => f.id === center.fieldA) ?? ({} as AdminField);
    expect((await call<AdminField>(center.admin, 'PUT', `/api/admin/fields/${center.fieldA}`, { ...old, targetWaitMinutes: 25 })).body).toMatchObject({ targetWaitMinutes: 25, serviceMinutes: 12 });
    const bad = await setField(center.fieldA, { serviceMinutes: 0 });
    expect(bad.status).toBe(400);
  });

  it("today's first calls within the committed wait are counted per field, for the hall board", async () => {
    await setField(center.fieldA, { targetWaitMinutes: 10 });
    await issue(server, center.kiosk, center.fieldA);
    await issue(server, center.kiosk, center.fieldA);
    server.clock.advance(5);
    expect((await callNext(center.officer1, center.counter1)).status).toBe(200);
    server.clock.advance(10);
    // The second citizen waited 15 minutes: past the commitment.
    expect((await callNext(center.officer2, center.counter2)).status).toBe(200);
    const queue = (await call<CenterSnapshot>(center.supervisor, 'GET', '/api/queue')).body;
    expect(queue.fields.find((f) => f.id === center.fieldA)).toMatchObject({ calledToday: 2, calledWithinTargetToday: 1 });
    expect(queue.fields.find((f) => f.id === center.fieldB)).toMatchObject({ calledToday: 0, calledWithinTargetToday: 0 });
  });
});

describe('priority counters (Decree 107/2021)', () => {
  it('a priority-only counter calls the priority citizen though a normal one came first, then refuses normal ones', async () => {
    expect((await setCounter(center.counter1, { priorityMode: 'priority_only' })).body.priorityMode).toBe('priority_only');
    const normal = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    server.clock.advance(1);
    const elderly = (await issue(server, center.kiosk, center.fieldA, { priority: 'elderly' })).json<IssuedTicket>();
    const first = await callNext(center.officer1, center.counter1);
    expect(first.body.ticket?.id).toBe(elderly.ticket.id);
    await call(center.officer1, 'POST', `/api/counters/${center.counter1}/finish`, {});
    const second = await callNext(center.officer1, center.counter1);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('QUEUE_EMPTY_PRIORITY');
    // By hand neither.
    const byHand = await call<ErrorBody>(center.officer1, 'POST', `/api/counters/${center.counter1}/call`, { ticketId: normal.ticket.id });
    expect(byHand.body.code).toBe('PRIORITY_COUNTER');
    // The ordinary counter serves the normal citizen.
    expect((await callNext(center.officer2, center.counter2)).body.ticket?.id).toBe(normal.ticket.id);
  });

  it('with the fallback it calls a normal citizen when no priority citizen waits, and shows its mode to screens', async () => {
    await setCounter(center.counter1, { priorityMode: 'priority_then_normal' });
    const normal = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    expect((await callNext(center.officer1, center.counter1)).body.ticket?.id).toBe(normal.ticket.id);
    const queue = (await call<CenterSnapshot>(center.supervisor, 'GET', '/api/queue')).body;
    expect(queue.counters.find((c) => c.id === center.counter1)?.priorityMode).toBe('priority_then_normal');
    expect(queue.counters.find((c) => c.id === center.counter2)?.priorityMode).toBe('mixed');
  });
});
