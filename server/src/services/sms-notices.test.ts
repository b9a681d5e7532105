import type { IssuedTicket } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { httpSms } from '../test-support/sms-world.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof smallCenter>>;
let sms: Awaited<ReturnType<typeof httpSms>>;

beforeEach(async () => {
  sms = await httpSms();
  server = await startTestServer({ sms: { gateway: sms.gateway } });
  c = await smallCenter(server);
});
afterEach(async () => {
  await server.dispose();
  await sms.fake.stop();
});

const outbox = () => server.store.sqlite.prepare('SELECT phone, body, purpose, status, ticket_id AS ticketId FROM sms_outbox ORDER BY id').all() as { phone: string; body: string; purpose: string; status: string; ticketId: number }[];
/** The near check runs once the batch has committed, on the next turn of the event loop. */
const settled = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** Every visit lasts ten minutes, so the estimate is never zero. */
async function act(token: string, counterId: number, action: 'call-next' | 'finish') {
  if (action === 'finish') server.clock.advance(10);
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(token), payload: {} });
  expect(res.statusCode, res.body).toBe(200);
  await settled();
}

async function rule(fields: Record<string, { ahead: number; minutes: number }>, near = { ahead: 3, minutes: 10 }) {
  const res = await server.app.inject({ method: 'PUT', url: '/api/admin/sms/settings', headers: bearer(c.admin), payload: { near, fields, personalDataDays: 30 } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('"called" SMS', () => {
  it('is queued in the same transaction as the call and sent as "Mời Ông/Bà số A001 đến Quầy 1."', async () => {
    const res = await issue(server, c.kiosk, c.fieldA, { phone: '0912 345 123' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<IssuedTicket>().phoneMasked).toBe('09xx xxx 123');
    expect(outbox()).toEqual([]);

    const call = await server.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    expect(call.statusCode).toBe(200);
    // Already committed when the officer's screen hears of the call: nothing has been sent yet.
    expect(outbox()).toEqual([{ phone: '0912345123', body: 'Mời Ông/Bà số A001 đến Quầy 1.', purpose: 'called', status: 'queued', ticketId: res.json<IssuedTicket>().ticket.id }]);
    expect(sms.fake.requests).toEqual([]);

    await server.deps.smsOutbox.sendDue();
    expect(sms.texts()).toEqual([{ to: '0912345123', text: 'Mời Ông/Bà số A001 đến Quầy 1.' }]);
    expect(sms.texts()[0]?.text).toBe(sms.texts()[0]?.text.normalize('NFC'));
    expect(outbox()[0]?.status).toBe('sent');
  });

  it('takes +84 numbers, refuses what is not a Vietnamese mobile number, and queues nothing for a citizen without one', async () => {
    expect((await issue(server, c.kiosk, c.fieldA, { phone: '+84 987 654 321' })).json<IssuedTicket>().phoneMasked).toBe('09xx xxx 321');
    for (const bad of ['0212345678', '091234512', '09123451234', 'abc', '+1 415 555 0100']) {
      const res = await issue(server, c.kiosk, c.fieldA, { phone: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json<{ code: string }>().code).toBe('PHONE_INVALID');
    }
    expect((await issue(server, c.kiosk, c.fieldA)).json<IssuedTicket>().phoneMasked).toBeNull();
    await act(c.officer1, c.counter1, 'call-next');
    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next');
    // A001 (with a phone) and A002 (without): one SMS; the refused numbers took no number.
    expect(outbox().map((m) => [m.purpose, m.phone, m.body])).toEqual([['called', '0987654321', 'Mời Ông/Bà số A001 đến Quầy 1.']]);
    const tickets = server.store.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get();
    expect(tickets).toBe(2);
  });
});

describe('"near" SMS', () => {
  it('is sent once, when the people ahead fall to the field’s N, and never again for that ticket', async () => {
    await rule({ [String(c.fieldA)]: { ahead: 2, minutes: 0 } });
    for (let i = 0; i < 5; i++) await issue(server, c.kiosk, c.fieldA);
    const mine = (await issue(server, c.kiosk, c.fieldA, { phone: '0912345123' })).json<IssuedTicket>();
    expect(mine.ticket.number).toBe('A006');
    expect(mine.peopleAhead).toBe(5);

    await act(c.officer1, c.counter1, 'call-next'); // A001: 4 ahead
    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next'); // A002: 3 ahead
    expect(outbox()).toEqual([]);
    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next'); // A003: 2 ahead → near
    const near = outbox();
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ purpose: 'near', phone: '0912345123', ticketId: mine.ticket.id });
    expect(near[0]?.body).toMatch(/^Sắp đến lượt Ông\/Bà \(số A006\): còn 2 người phía trước(, khoảng \d+ phút)?\. Xin mời Ông\/Bà về gần quầy\.$/);

    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next'); // A004: 1 ahead, no second "near"
    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next');
    await act(c.officer1, c.counter1, 'finish');
    await act(c.officer1, c.counter1, 'call-next'); // A006 itself
    expect(outbox().map((m) => m.purpose)).toEqual(['near', 'called']);
    expect(outbox()[1]?.body).toBe('Mời Ông/Bà số A006 đến Quầy 1.');

    await server.deps.smsOutbox.sendDue();
    expect(sms.texts().map((t) => t.text)).toEqual([near[0]?.body, 'Mời Ông/Bà số A006 đến Quầy 1.']);
  });

  it('follows each field’s own rule over the center’s, by people ahead or by minutes', async () => {
    // Field A: 1 ahead (minutes off: estimates here are never 0); every other field: the center's 3 ahead.
    await rule({ [String(c.fieldA)]: { ahead: 1, minutes: 0 } }, { ahead: 3, minutes: 0 });
    const bs = [];
    for (let i = 0; i < 4; i++) bs.push((await issue(server, c.kiosk, c.fieldB)).json<IssuedTicket>());
    const b = (await issue(server, c.kiosk, c.fieldB, { phone: '0987654321' })).json<IssuedTicket>();
    for (let i = 0; i < 2; i++) await issue(server, c.kiosk, c.fieldA);
    const a = (await issue(server, c.kiosk, c.fieldA, { phone: '0912345123' })).json<IssuedTicket>();
    expect([a.peopleAhead, b.peopleAhead]).toEqual([2, 4]);

    // B001 called: B005 has 3 ahead, near by the center's rule; A003 has 2 ahead, not near by field A's rule of 1.
    const call = await server.app.inject({ method: 'POST', url: `/api/counters/${c.counter2}/call`, headers: bearer(c.officer2), payload: { ticketId: bs[0]?.ticket.id } });
    expect(call.statusCode, call.body).toBe(200);
    await settled();
    expect(outbox().filter((m) => m.purpose === 'near').map((m) => m.ticketId)).toEqual([b.ticket.id]);

    // A generous minutes rule for field A: the next movement of the queue tells A003, still 2 ahead.
    await rule({ [String(c.fieldA)]: { ahead: 1, minutes: 240 } }, { ahead: 3, minutes: 0 });
    await act(c.officer2, c.counter2, 'finish');
    expect(outbox().filter((m) => m.purpose === 'near').map((m) => m.ticketId)).toEqual([b.ticket.id, a.ticket.id]);
    expect(outbox().find((m) => m.ticketId === a.ticket.id)?.body).toContain('còn 2 người phía trước');
  });

  it('is not sent to a citizen who was already near when the number was taken; the "called" one still is', async () => {
    const mine = (await issue(server, c.kiosk, c.fieldA, { phone: '0912345123' })).json<IssuedTicket>();
    expect(mine.peopleAhead).toBe(0);
    await issue(server, c.kiosk, c.fieldA);
    await act(c.officer2, c.counter2, 'call-next');
    expect(outbox().map((m) => [m.purpose, m.body])).toEqual([['called', 'Mời Ông/Bà số A001 đến Quầy 2.']]);
  });
});
