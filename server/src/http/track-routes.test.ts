import type { ErrorBody, IssuedTicket, TrackView } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ratings } from '../db/schema/index.ts';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

async function act(counterId: number, action: string, payload?: object) {
  const token = counterId === center.counter1 ? center.officer1 : center.officer2;
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBe(200);
}

const track = (code: string, query = '') => server.app.inject({ method: 'GET', url: `/api/track/${code}${query}` });
const rateByPhone = (code: string, body: object) => server.app.inject({ method: 'POST', url: `/api/track/${code}/rating`, payload: body });

async function issued(fieldId = center.fieldA): Promise<IssuedTicket> {
  return (await issue(server, center.kiosk, fieldId)).json<IssuedTicket>();
}

describe('the citizen’s ticket by its tracking code', () => {
  it('shows only the citizen’s own ticket as it moves: waiting, called to a counter, serving, done', async () => {
    const first = await issued();
    const mine = await issued();
    const waiting = (await track(mine.trackingCode)).json<TrackView>();
    expect(waiting).toMatchObject({
      number: 'A002',
      field: { nameVi: 'Lĩnh vực a', nameEn: 'Field a' },
      status: 'waiting',
      counterNumber: null,
      peopleAhead: 1,
      rated: false,
      canRate: false,
      serviceDay: '2026-11-23',
      expiresAt: '2026-11-23T17:00:00.000Z',
    });
    // Two open counters serve field A and both are free: the one ahead goes to one, this citizen to the other.
    expect(waiting.estimatedWaitMinutes).toBe(0);
    expect(Object.keys(waiting).sort()).toEqual(
      ['canRate', 'counterNumber', 'estimatedWaitMinutes', 'expiresAt', 'field', 'number', 'peopleAhead', 'rated', 'serviceDay', 'status', 'version'].sort(),
    );
    expect(JSON.stringify(waiting)).not.toContain(first.ticket.number);

    await act(center.counter1, 'call-next'); // calls A001
    await act(center.counter2, 'call-next'); // calls A002 (mine)
    const called = (await track(mine.trackingCode)).json<TrackView>();
    expect(called).toMatchObject({ status: 'called', counterNumber: 2, peopleAhead: null, estimatedWaitMinutes: null });
    expect(called.version).not.toBe(waiting.version);

    await act(center.counter2, 'start');
    expect((await track(mine.trackingCode)).json<TrackView>()).toMatchObject({ status: 'serving', counterNumber: 2 });
    await act(center.counter2, 'finish', {});
    expect((await track(mine.trackingCode)).json<TrackView>()).toMatchObject({ status: 'done', counterNumber: null, canRate: true, rated: false });
  });

  it('answers a long poll as soon as the ticket is called', async () => {
    const mine = await issued();
    const before = (await track(mine.trackingCode)).json<TrackView>();
    const started = Date.now();
    const pending = track(mine.trackingCode, `?since=${before.version}`);
    // The poll is held: its watch listens on the hub.
    await vi.waitFor(() => expect(server.deps.hub.clientCount()).toBe(1), { timeout: 5_000 });
    await act(center.counter1, 'call-next');
    const after = (await pending).json<TrackView>();
    expect(after).toMatchObject({ status: 'called', counterNumber: 1 });
    // Woken by the call, not by the 25 s hold running out (a bound far from it, so a busy machine cannot fail it).
    expect(Date.now() - started).toBeLessThan(12_500);
    expect(server.deps.hub.clientCount()).toBe(0);
  });

  it('lets the phone rate once, only when done, and not after the counter screen did', async () => {
    const mine = await issued();
    expect((await rateByPhone(mine.trackingCode, { score: 1 })).json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');
    await act(center.counter1, 'call-next');
    await act(center.counter1, 'start');
    expect((await rateByPhone(mine.trackingCode, { score: 1 })).json<ErrorBody>().code).toBe('RATING_NOT_ALLOWED');
    await act(center.counter1, 'finish', {});
    const ok = await rateByPhone(mine.trackingCode, { score: 3, reasons: ['extra_papers'] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await rateByPhone(mine.trackingCode, { score: 1 })).json<ErrorBody>().code).toBe('ALREADY_RATED');
    expect((await track(mine.trackingCode)).json<TrackView>()).toMatchObject({ rated: true, canRate: false });
    expect(server.store.db.select().from(ratings).all()).toEqual([expect.objectContaining({ source: 'phone', score: 3, counterId: center.counter1 })]);

    const other = await issued();
    await act(center.counter1, 'call-next');
    await act(center.counter1, 'start');
    await act(center.counter1, 'finish', {});
    const screen = deviceToken(server, 'counter_display', center.counter1);
    await server.app.inject({ method: 'POST', url: '/api/ratings', headers: bearer(screen), payload: { ticketId: other.ticket.id, score: 2 } });
    expect((await rateByPhone(other.trackingCode, { score: 4 })).json<ErrorBody>().code).toBe('ALREADY_RATED');
  });

  it('expires the code at the end of the ticket’s service day', async () => {
    const mine = await issued();
    server.clock.ms = Date.parse('2026-11-23T16:59:00Z'); // 23:59 in Ha Noi
    expect((await track(mine.trackingCode)).statusCode).toBe(200);
    server.clock.ms = Date.parse('2026-11-23T17:00:00Z'); // midnight: the next service day
    const gone = await track(mine.trackingCode);
    expect(gone.statusCode).toBe(410);
    expect(gone.json<ErrorBody>().code).toBe('TRACK_EXPIRED');
    expect((await rateByPhone(mine.trackingCode, { score: 1 })).statusCode).toBe(410);
  });

  it('makes guessing slow and fruitless: unknown codes are a plain 404, then every request is limited', async () => {
    const mine = await issued();
    const notFound = await server.app.inject({ method: 'GET', url: '/api/no-such-page' });
    for (let i = 0; i < 29; i++) {
      const res = await track(`guess-${i}-AAAAAAAAAAAA`);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>()).toEqual(notFound.json<ErrorBody>());
    }
    expect((await track(mine.trackingCode)).statusCode).toBe(200); // the 30th request
    const limited = await track(mine.trackingCode);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorBody>().code).toBe('TOO_MANY_ATTEMPTS');
    expect(limited.body).not.toContain(mine.ticket.number);
    // Another address is not held back by this one.
    const elsewhere = await server.app.inject({ method: 'GET', url: `/api/track/${mine.trackingCode}`, remoteAddress: '10.0.0.9' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('serves the tracking page at /t/<code> without login (a note when the apps are not built)', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/t/anything' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('pnpm build');
  });
});
