import type { CounterActionResponse, ErrorBody, IssuedTicket, TicketView } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addField, bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

describe('issuing tickets', () => {
  it('numbers each field in its own series, zero-padded, and counts people ahead', async () => {
    const a1 = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    const a2 = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    const b1 = (await issue(server, center.kiosk, center.fieldB)).json<IssuedTicket>();
    expect([a1.ticket.number, a2.ticket.number, b1.ticket.number]).toEqual(['A001', 'A002', 'B001']);
    expect([a1.peopleAhead, a2.peopleAhead, b1.peopleAhead]).toEqual([0, 1, 0]);
    expect(a1.ticket.status).toBe('waiting');
    expect(a1.trackingCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(a1.trackingCode).not.toBe(a2.trackingCode);
  });

  it('honours a digit prefix, width and start number', async () => {
    const fieldId = addField(server, { code: 'digits', prefix: '1', width: 3, startNumber: 23 });
    const res = await issue(server, center.kiosk, fieldId);
    expect(res.statusCode).toBe(201);
    expect(res.json<IssuedTicket>().ticket.number).toBe('1023');
  });

  it('issues one ticket for a double tap carrying the same idempotency key', async () => {
    const key = 'tap-0123456789';
    const first = await issue(server, center.kiosk, center.fieldA, { idempotencyKey: key });
    const again = await issue(server, center.kiosk, center.fieldA, { idempotencyKey: key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json<IssuedTicket>().ticket.id).toBe(first.json<IssuedTicket>().ticket.id);
    expect(again.json<IssuedTicket>().trackingCode).toBe(first.json<IssuedTicket>().trackingCode);
    const next = await issue(server, center.kiosk, center.fieldA, { idempotencyKey: 'tap-other-key' });
    expect(next.json<IssuedTicket>().ticket.number).toBe('A002');
  });

  it('marks priority tickets and refuses unknown priority categories', async () => {
    const ok = await issue(server, center.kiosk, center.fieldA, { priority: 'elderly' });
    expect(ok.json<IssuedTicket>().ticket.priority).toBe('elderly');
    const bad = await issue(server, center.kiosk, center.fieldA, { priority: 'vip' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().code).toBe('PRIORITY_UNKNOWN');
  });

  it('refuses outside opening hours and past the daily limit, saying so in both languages', async () => {
    const morning = addField(server, { code: 'am', prefix: 'M', opensAt: '07:30', closesAt: '08:00' });
    const limited = addField(server, { code: 'lim', prefix: 'L', dailyLimit: 1 });
    const closed = await issue(server, center.kiosk, morning);
    expect(closed.statusCode).toBe(409);
    expect(closed.json<ErrorBody>().code).toBe('FIELD_CLOSED_HOURS');
    expect(closed.json<ErrorBody>().message.vi).toContain('giờ làm việc');
    expect((await issue(server, center.kiosk, limited)).statusCode).toBe(201);
    const over = await issue(server, center.kiosk, limited);
    expect(over.json<ErrorBody>().code).toBe('DAILY_LIMIT_REACHED');
    expect(over.json<ErrorBody>().message.en).toContain('next working day');
  });
});

describe('bad input never crashes the server', () => {
  it('answers malformed JSON, wrong types, unknown ids, oversized bodies and wrong media types with 4xx', async () => {
    const headers = { ...bearer(center.kiosk), 'content-type': 'application/json' };
    const cases = [
      { payload: '{"fieldId": ', status: 400, code: 'MALFORMED_JSON' },
      { payload: JSON.stringify({ fieldId: 'một' }), status: 400, code: 'VALIDATION_FAILED' },
      { payload: JSON.stringify({ fieldId: 1, extra: true }), status: 400, code: 'VALIDATION_FAILED' },
      { payload: JSON.stringify({ fieldId: 9999 }), status: 404, code: 'FIELD_NOT_FOUND' },
      { payload: JSON.stringify({ fieldId: center.fieldA, note: 'x'.repeat(200_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    ];
    for (const c of cases) {
      const res = await server.app.inject({ method: 'POST', url: '/api/tickets', headers, payload: c.payload });
      expect(res.statusCode, c.code).toBe(c.status);
      const body = res.json<ErrorBody>();
      expect(body.code).toBe(c.code);
      expect(body.message.vi.length).toBeGreaterThan(5);
      expect(body.message.en.length).toBeGreaterThan(5);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
    const text = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: { ...bearer(center.kiosk), 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    const unknownTicket = await server.app.inject({ method: 'POST', url: '/api/tickets/424242/cancel', headers: bearer(center.supervisor), payload: {} });
    expect(unknownTicket.json<ErrorBody>().code).toBe('TICKET_NOT_FOUND');
    const badId = await server.app.inject({ method: 'POST', url: '/api/tickets/abc/cancel', headers: bearer(center.supervisor), payload: {} });
    expect(badId.statusCode).toBe(400);
    const nowhere = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(nowhere.json<ErrorBody>()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    // Still serving after all that.
    expect((await issue(server, center.kiosk, center.fieldA)).statusCode).toBe(201);
  });
});

describe('API description', () => {
  it('serves an OpenAPI document naming the routes and a docs page', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/counters/{id}/call-next', '/api/auth/login', '/api/health']));
    const docs = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describe('a transferred ticket', () => {
  it('carries its note and the counter it came from, in GET /api/tickets/:id and in the desk’s current ticket', async () => {
    const a = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/call-next`, headers: bearer(center.officer1) });
    const note = 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý';
    const moved = await server.app.inject({ method: 'POST', url: `/api/tickets/${a.ticket.id}/transfer`, headers: bearer(center.officer1), payload: { toCounterId: center.counter2, note } });
    expect(moved.statusCode).toBe(200);
    const read = await server.app.inject({ method: 'GET', url: `/api/tickets/${a.ticket.id}`, headers: bearer(center.officer2) });
    expect(read.json<{ ticket: TicketView }>().ticket.handover).toMatchObject({ kind: 'transferred', fromCounterId: center.counter1, fromFieldId: null, note });
    const called = await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter2}/call-next`, headers: bearer(center.officer2) });
    expect(called.json<CounterActionResponse>().counter.current?.handover?.note).toBe(note);
  });
});
