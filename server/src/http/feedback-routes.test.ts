import type { ErrorBody, IssuedTicket, SatisfactionToday } from '@luot/shared';
import { ratingScores } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ratings } from '../db/schema/index.ts';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;
let screen1: string;
let screen2: string;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
  screen1 = deviceToken(server, 'counter_display', center.counter1);
  screen2 = deviceToken(server, 'counter_display', center.counter2);
});
afterEach(async () => server.dispose());

async function act(token: string, counterId: number, action: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBe(200);
}

/** Issue a ticket in field A and take it through call → serve → finish at counter 1. */
async function servedAtCounter1(): Promise<number> {
  const ticket = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>().ticket;
  await act(center.officer1, center.counter1, 'call-next');
  await act(center.officer1, center.counter1, 'start');
  await act(center.officer1, center.counter1, 'finish', {});
  return ticket.id;
}

const rate = (token: string, body: object) => server.app.inject({ method: 'POST', url: '/api/ratings', headers: bearer(token), payload: body });

describe('ratings from the counter screen', () => {
  it('stores one rating for the ticket just finished, with counter, field and the officer who finished it', async () => {
    const ticketId = await servedAtCounter1();
    const pending = (token: string) => server.app.inject({ method: 'GET', url: '/api/ratings/pending', headers: bearer(token) });
    expect((await pending(screen1)).json()).toEqual({ ticketId });
    expect((await pending(screen2)).json()).toEqual({ ticketId: null });
    expect((await pending(center.officer1)).statusCode).toBe(403);
    const ok = await rate(screen1, { ticketId, score: ratingScores.veryGood });
    expect((await pending(screen1)).json()).toEqual({ ticketId: null });
    expect(ok.statusCode, ok.body).toBe(201);
    const rows = server.store.db.select().from(ratings).all();
    expect(rows).toHaveLength(1);
    const officer1Id = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(center.officer1) })).json<{ id: number }>().id;
    expect(rows[0]).toMatchObject({ ticketId, counterId: center.counter1, fieldId: center.fieldA, officerId: officer1Id, score: 1, source: 'counter', reasons: [] });

    const again = await rate(screen1, { ticketId, score: ratingScores.bad, reasons: ['long_wait'] });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().code).toBe('ALREADY_RATED');
    expect(server.store.db.select().from(ratings).all()).toHaveLength(1);
  });

  it('keeps reasons only with neutral or negative answers', async () => {
    const ticketId = await servedAtCounter1();
    const bad = await rate(screen1, { ticketId, score: ratingScores.good, reasons: ['attitude'] });
    expect(bad.json<ErrorBody>().code).toBe('REASONS_NOT_ALLOWED');
    const ok = await rate(screen1, { ticketId, score: ratingScores.bad, reasons: ['long_wait', 'repeat_visits'] });
    expect(ok.statusCode).toBe(201);
    expect(server.store.db.select().from(ratings).get()?.reasons).toEqual(['long_wait', 'repeat_visits']);
    const unknown = await rate(screen1, { ticketId, score: 4, reasons: ['bribe'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses a ticket that is not finished, another counter’s ticket, and one finished too long ago', async () => {
    const waiting = (await issue(server, center.kiosk, center.fieldA)).json<IssuedTicket>().ticket;
    expect((await rate(screen1, { ticketId: waiting.id, score: 1 })).json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');
    await act(center.officer1, center.counter1, 'call-next');
    expect((await rate(screen1, { ticketId: waiting.id, score: 1 })).json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');

    const ticketId = await (async () => {
      await act(center.officer1, center.counter1, 'start');
      await act(center.officer1, center.counter1, 'finish', {});
      return waiting.id;
    })();
    const other = await rate(screen2, { ticketId, score: 1 });
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');

    server.clock.advance(11);
    expect((await rate(screen1, { ticketId, score: 1 })).json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');
    expect(server.store.db.select().from(ratings).all()).toHaveLength(0);
  });

  it('only asks about the latest finished ticket at the counter', async () => {
    const first = await servedAtCounter1();
    const second = await servedAtCounter1();
    expect((await rate(screen1, { ticketId: first, score: 1 })).statusCode).toBe(409);
    expect((await rate(screen1, { ticketId: second, score: 1 })).statusCode).toBe(201);
  });

  it('lets no one but a counter screen rate: officers, supervisors, kiosks and strangers are refused', async () => {
    const ticketId = await servedAtCounter1();
    for (const token of [center.officer1, center.supervisor, center.kiosk, deviceToken(server, 'hall_board')]) {
      const res = await rate(token, { ticketId, score: 1 });
      expect(res.statusCode).toBeGreaterThanOrEqual(401);
      expect(res.statusCode).toBeLessThanOrEqual(403);
    }
    expect((await server.app.inject({ method: 'POST', url: '/api/ratings', payload: { ticketId, score: 1 } })).statusCode).toBe(401);
    expect(server.store.db.select().from(ratings).all()).toHaveLength(0);
  });
});

describe('today’s satisfaction for supervisors', () => {
  it('counts answers per counter and reasons, and is closed to officers and devices', async () => {
    const t1 = await servedAtCounter1();
    await rate(screen1, { ticketId: t1, score: ratingScores.veryGood });
    const t2 = await servedAtCounter1();
    await rate(screen1, { ticketId: t2, score: ratingScores.bad, reasons: ['long_wait', 'other'] });

    const res = await server.app.inject({ method: 'GET', url: '/api/ratings/today', headers: bearer(center.supervisor) });
    expect(res.statusCode).toBe(200);
    const today = res.json<SatisfactionToday>();
    expect(today).toMatchObject({ serviceDay: '2026-11-23', ratings: 2, satisfiedShare: 0.5 });
    expect(today.reasons).toMatchObject({ long_wait: 1, other: 1, attitude: 0 });
    expect(today.counters).toEqual([
      { counterId: center.counter1, counterNumber: 1, ratings: 2, scores: { veryGood: 1, good: 0, neutral: 0, bad: 1 }, satisfiedShare: 0.5 },
    ]);
    expect(JSON.stringify(today)).not.toMatch(/ticket|officer/i);

    for (const token of [center.officer1, screen1]) {
      const refused = await server.app.inject({ method: 'GET', url: '/api/ratings/today', headers: bearer(token) });
      expect(refused.statusCode).toBe(403);
    }
  });
});
