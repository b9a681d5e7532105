import type { CounterActionResponse, ErrorBody, IssuedTicket } from '@luot/shared';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events, tickets } from '../db/schema/index.ts';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function act(token: string, counterId: number, action: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  return res;
}

function eventsOf(ticketId: number) {
  return server.store.db.select().from(events).where(eq(events.ticketId, ticketId)).orderBy(events.id).all();
}

describe('a ticket through the counter', () => {
  it('call → recall → start → finish with a dossier code, each step in the event log with its time and actor', async () => {
    const issued = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    server.clock.advance(12);
    const called = (await act(center.officer1, center.counter1, 'call-next')).json<CounterActionResponse>();
    expect(called.ticket).toMatchObject({ number: 'A001', status: 'called', counterId: center.counter1 });
    expect(called.counter.current?.number).toBe('A001');
    server.clock.advance(1);
    const recalled = (await act(center.officer1, center.counter1, 'recall')).json<CounterActionResponse>();
    expect(recalled.ticket?.recalls).toBe(1);
    server.clock.advance(1);
    expect((await act(center.officer1, center.counter1, 'start')).json<CounterActionResponse>().ticket?.status).toBe('serving');
    server.clock.advance(9);
    const done = (await act(center.officer1, center.counter1, 'finish', { dossierCode: ' H12.34-250101-0001 ' })).json<CounterActionResponse>();
    expect(done.ticket?.status).toBe('done');
    expect(done.counter.current).toBeNull();

    const log = eventsOf(issued.ticket.id);
    expect(log.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['issued', null, 'waiting'],
      ['called', 'waiting', 'called'],
      ['recalled', 'called', 'called'],
      ['serving', 'called', 'serving'],
      ['done', 'serving', 'done'],
    ]);
    // Wait and service times come from the events alone.
    const at = (type: string) => log.find((e) => e.type === type)?.at ?? NaN;
    expect((at('called') - at('issued')) / 60_000).toBe(12);
    expect((at('done') - at('serving')) / 60_000).toBe(9);
    expect(log.find((e) => e.type === 'done')?.data).toMatchObject({ dossierCode: 'H12.34-250101-0001' });
    expect(log[0]?.deviceId).not.toBeNull();
    expect(log[1]?.actorId).not.toBeNull();
    expect(log.every((e) => e.counterId === null || e.counterId === center.counter1)).toBe(true);
  });

  it('marks an absent citizen automatically after the allowed recalls', async () => {
    await issue(server, center.kiosk, center.fieldA);
    await act(center.officer1, center.counter1, 'call-next');
    for (let i = 0; i < 3; i++) expect((await act(center.officer1, center.counter1, 'recall')).statusCode).toBe(200);
    const fourth = (await act(center.officer1, center.counter1, 'recall')).json<CounterActionResponse>();
    expect(fourth.ticket?.status).toBe('no_show');
    expect(fourth.counter.current).toBeNull();
  });

  it('holds a ticket and returns it to the same counter ahead of later arrivals', async () => {
    const first = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    await act(center.officer1, center.counter1, 'call-next');
    expect((await act(center.officer1, center.counter1, 'hold', { note: 'thiếu giấy tờ' })).json<CounterActionResponse>().ticket?.status).toBe('held');
    await issue(server, center.kiosk, center.fieldA);
    const back = await server.app.inject({ method: 'POST', url: `/api/tickets/${first.ticket.id}/return`, headers: bearer(center.officer1) });
    expect(back.statusCode).toBe(200);
    // Counter 2 serves field A too, but the returned ticket belongs to counter 1.
    const at2 = (await act(center.officer2, center.counter2, 'call-next')).json<CounterActionResponse>();
    expect(at2.ticket?.number).toBe('A002');
    const at1 = (await act(center.officer1, center.counter1, 'call-next')).json<CounterActionResponse>();
    expect(at1.ticket?.number).toBe('A001');
  });

  it('transfers to another field keeping the arrival time, recording who and why', async () => {
    const t = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    server.clock.advance(5);
    await issue(server, center.kiosk, center.fieldB);
    await act(center.officer1, center.counter1, 'call-next');
    const moved = await server.app.inject({
      method: 'POST',
      url: `/api/tickets/${t.ticket.id}/transfer`,
      headers: bearer(center.officer1),
      payload: { toFieldId: center.fieldB, note: 'hồ sơ chứng thực' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<{ ticket: { fieldId: number; status: string; number: string } }>().ticket).toMatchObject({ fieldId: center.fieldB, status: 'waiting', number: 'A001' });
    // Counter 2 serves A then B; A is empty, so B's queue: the transferred A001 arrived first.
    const next = (await act(center.officer2, center.counter2, 'call-next')).json<CounterActionResponse>();
    expect(next.ticket?.number).toBe('A001');
    const transfer = eventsOf(t.ticket.id).find((e) => e.type === 'transferred');
    expect(transfer?.data).toMatchObject({ fromFieldId: center.fieldA, toFieldId: center.fieldB, note: 'hồ sơ chứng thực' });
    expect(transfer?.actorId).not.toBeNull();
  });

  it('refuses calling while busy, paused or with an empty queue, with messages that say what to do', async () => {
    expect((await act(center.officer1, center.counter1, 'call-next')).json<ErrorBody>().code).toBe('QUEUE_EMPTY');
    await issue(server, center.kiosk, center.fieldA);
    await issue(server, center.kiosk, center.fieldA);
    await act(center.officer1, center.counter1, 'call-next');
    const busy = (await act(center.officer1, center.counter1, 'call-next')).json<ErrorBody>();
    expect(busy.code).toBe('COUNTER_BUSY');
    expect(busy.message.vi).toContain('Hãy hoàn thành');
    await act(center.officer1, center.counter1, 'no-show');
    expect((await act(center.officer1, center.counter1, 'pause', { reason: 'họp' })).json<CounterActionResponse>().counter).toMatchObject({ status: 'paused', pauseReason: 'họp' });
    expect((await act(center.officer1, center.counter1, 'call-next')).json<ErrorBody>().code).toBe('COUNTER_NOT_OPEN');
    expect((await act(center.officer1, center.counter1, 'resume')).json<CounterActionResponse>().counter.status).toBe('open');
    expect((await act(center.officer1, center.counter1, 'call-next')).statusCode).toBe(200);
  });

  it('calls a specific waiting ticket out of turn', async () => {
    await issue(server, center.kiosk, center.fieldA);
    const second = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>();
    const res = (await act(center.officer1, center.counter1, 'call', { ticketId: second.ticket.id })).json<CounterActionResponse>();
    expect(res.ticket?.number).toBe('A002');
    const row = server.store.db.select().from(tickets).where(eq(tickets.id, second.ticket.id)).get();
    expect(row?.status).toBe('called');
  });
});

describe('leaving a counter', () => {
  it('closes it or pauses it with a reason, so nobody is called at an empty desk', async () => {
    const left = (await act(center.officer1, center.counter1, 'leave', { counter: 'close' })).json<CounterActionResponse>();
    expect(left.counter).toMatchObject({ status: 'closed', officer: null });
    const closed = server.store.db.select().from(events).where(eq(events.counterId, center.counter1)).all().at(-1);
    expect(closed?.type).toBe('counter_closed');

    const paused = (await act(center.officer2, center.counter2, 'leave', { counter: 'pause', reason: 'họp' })).json<CounterActionResponse>();
    expect(paused.counter).toMatchObject({ status: 'paused', pauseReason: 'họp', officer: null });
  });

  it('asks what becomes of the counter, and refuses while a citizen is at the desk', async () => {
    expect((await act(center.officer1, center.counter1, 'leave')).statusCode).toBe(400);
    expect((await act(center.officer1, center.counter1, 'leave', { counter: 'pause' })).statusCode).toBe(400);
    await issue(server, center.kiosk, center.fieldA);
    await act(center.officer1, center.counter1, 'call-next');
    const busy = await act(center.officer1, center.counter1, 'leave', { counter: 'close' });
    expect(busy.json<ErrorBody>().code).toBe('COUNTER_BUSY');
    expect((await act(center.officer1, center.counter1, 'no-show')).statusCode).toBe(200);
    expect((await act(center.officer1, center.counter1, 'leave', { counter: 'close' })).json<CounterActionResponse>().counter.status).toBe('closed');
  });
});
