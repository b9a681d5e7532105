import type { CounterActionResponse, IssuedTicket, Report, ReportFigures } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, login, smallCenter } from '../test-support/fixtures.ts';
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
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CounterActionResponse>();
}

async function ticket(fieldId = center.fieldA): Promise<IssuedTicket> {
  const res = await issue(server, center.kiosk, fieldId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<IssuedTicket>();
}

async function report(query: string): Promise<Report> {
  const res = await server.app.inject({ method: 'GET', url: `/api/reports?${query}`, headers: bearer(center.supervisor) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Report>();
}

const row = (r: Report, key: number | string | null) => r.rows.find((x) => x.key === key);
const staffId = (username: string) => (server.store.sqlite.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username) as number);
const MIN = 60;

describe('report edge cases', () => {
  it('a transfer does not restart the wait: counted once, from the first issue', async () => {
    const t = await ticket();
    server.clock.advance(10);
    await act(center.officer1, center.counter1, 'call-next');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'start');
    server.clock.advance(3);
    const moved = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.ticket.id}/transfer`, headers: bearer(center.officer1), payload: { toFieldId: center.fieldB } });
    expect(moved.statusCode, moved.body).toBe(200);
    server.clock.advance(20);
    await act(center.officer2, center.counter2, 'call-next');
    server.clock.advance(2);
    await act(center.officer2, center.counter2, 'start');
    server.clock.advance(6);
    await act(center.officer2, center.counter2, 'finish', {});

    const byField = await report('from=2026-11-23&to=2026-11-23&groupBy=field');
    expect(byField.total).toMatchObject({ issued: 1, called: 1, served: 1, transferred: 1, withinTarget: 1, withinTargetShare: 1 });
    expect(byField.total.wait).toEqual({ count: 1, meanSeconds: 10 * MIN, medianSeconds: 10 * MIN, p90Seconds: 10 * MIN });
    expect(byField.total.walk).toEqual({ count: 2, meanSeconds: 1.5 * MIN, medianSeconds: 1 * MIN, p90Seconds: 2 * MIN });
    expect(byField.total.service.count).toBe(1);
    expect(byField.total.service.meanSeconds).toBe(6 * MIN);
    // The transfer is counted where the ticket left; the service where it was finished.
    expect(row(byField, center.fieldA)).toMatchObject({ issued: 1, called: 1, transferred: 1, served: 0 });
    expect(row(byField, center.fieldB)).toMatchObject({ issued: 0, called: 0, transferred: 0, served: 1 });
    const byCounter = await report('from=2026-11-23&to=2026-11-23&groupBy=counter');
    expect(row(byCounter, center.counter1)).toMatchObject({ issued: null, called: 1, transferred: 1, served: 0 });
    expect(row(byCounter, center.counter2)).toMatchObject({ called: 0, served: 1 });
    expect(row(byCounter, null)).toBeUndefined(); // numbers are issued outside any counter; nothing else happened there
    const byOfficer = await report('from=2026-11-23&to=2026-11-23&groupBy=officer');
    expect(row(byOfficer, staffId('officer2'))).toMatchObject({ served: 1, service: { count: 1, meanSeconds: 6 * MIN } });
  });

  it('recalls are counted and the walk runs from the call to the start', async () => {
    await ticket();
    server.clock.advance(4);
    await act(center.officer1, center.counter1, 'call-next');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'recall');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'recall');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'start');
    server.clock.advance(5);
    await act(center.officer1, center.counter1, 'finish', {});
    const r = await report('period=today&groupBy=counter');
    expect(row(r, center.counter1)).toMatchObject({ recalls: 2, called: 1, served: 1, walk: { count: 1, meanSeconds: 3 * MIN }, wait: { count: 1, meanSeconds: 4 * MIN } });
  });

  it('no-shows by hand and after the allowed recalls; neither has a walk or a service time', async () => {
    await ticket();
    await ticket();
    await act(center.officer1, center.counter1, 'call-next');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'no-show');
    await act(center.officer1, center.counter1, 'call-next');
    for (let i = 0; i < 4; i++) {
      server.clock.advance(1);
      await act(center.officer1, center.counter1, 'recall');
    }
    const r = await report('period=today');
    expect(r.total).toMatchObject({ issued: 2, called: 2, noShow: 2, served: 0, recalls: 3 });
    expect(r.total.walk.count).toBe(0);
    expect(r.total.service.count).toBe(0);
  });

  it('a counter paused mid-service: the service time runs from start to finish, pause included', async () => {
    await ticket();
    await act(center.officer1, center.counter1, 'call-next');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'start');
    server.clock.advance(2);
    await act(center.officer1, center.counter1, 'pause', { reason: 'Họp' });
    server.clock.advance(15);
    await act(center.officer1, center.counter1, 'resume');
    server.clock.advance(3);
    await act(center.officer1, center.counter1, 'finish', {});
    const r = await report('period=today&groupBy=counter');
    expect(r.rows.map((x) => x.key)).toEqual([center.counter1]);
    expect(row(r, center.counter1)).toMatchObject({ served: 1, service: { count: 1, meanSeconds: 20 * MIN, medianSeconds: 20 * MIN } });
  });

  it('tickets spanning the day rollover belong to the service day they were issued on', async () => {
    const admin = await server.app.inject({ method: 'GET', url: '/api/admin/center', headers: bearer(center.admin) });
    const saved = await server.app.inject({ method: 'PUT', url: '/api/admin/center', headers: bearer(center.admin), payload: { ...admin.json<object>(), dayRollover: '03:00' } });
    expect(saved.statusCode, saved.body).toBe(200);
    server.clock.ms = Date.parse('2026-11-23T16:50:00Z'); // Monday 23:50 in Ha Noi
    // Sixteen hours on, the morning's sessions have lapsed: sign in again for the night shift.
    center.officer1 = await login(server, 'officer1');
    center.supervisor = await login(server, 'boss');
    expect((await server.app.inject({ method: 'POST', url: `/api/counters/${center.counter1}/join`, headers: bearer(center.officer1) })).statusCode).toBe(200);
    await ticket();
    server.clock.advance(30); // Tuesday 00:20 by the calendar, still Monday's service day
    await act(center.officer1, center.counter1, 'call-next');
    server.clock.advance(1);
    await act(center.officer1, center.counter1, 'start');
    server.clock.advance(4);
    await act(center.officer1, center.counter1, 'finish', {});
    server.clock.ms = Date.parse('2026-11-23T19:50:00Z'); // 02:50: Monday's service day, hour 2
    await ticket();
    server.clock.ms = Date.parse('2026-11-23T20:10:00Z'); // 03:10: Tuesday; the leftover is expired now
    await ticket();

    const monday = await report('from=2026-11-23&to=2026-11-23&groupBy=hour');
    expect(monday.total).toMatchObject({ issued: 2, called: 1, served: 1, expired: 1 });
    expect(monday.total.wait.meanSeconds).toBe(30 * MIN);
    expect(monday.rows.map((x) => [x.key, x.issued, x.served, x.expired])).toEqual([
      [2, 1, 0, 1],
      [23, 1, 1, 0],
    ]);
    expect(monday.heatmap.counts[0]?.[23]).toBe(1);
    expect(monday.heatmap.counts[0]?.[2]).toBe(1);
    const tuesday = await report('from=2026-11-24&to=2026-11-24');
    expect(tuesday.total).toMatchObject({ issued: 1, expired: 0 });
    expect(tuesday.heatmap.counts[1]?.[3]).toBe(1);
  });

  it('an empty range has no rows, zero counts and no durations', async () => {
    await ticket();
    const empty: ReportFigures = {
      issued: 0,
      called: 0,
      served: 0,
      noShow: 0,
      transferred: 0,
      cancelled: 0,
      expired: 0,
      recalls: 0,
      wait: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      walk: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      service: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      withinTarget: 0,
      withinTargetShare: null,
      satisfaction: null,
    };
    for (const groupBy of ['field', 'counter', 'officer', 'hour', 'day']) {
      const r = await report(`from=2020-01-01&to=2020-12-31&groupBy=${groupBy}`);
      expect(r.rows).toEqual([]);
      expect(r.total).toEqual(empty);
      expect(r.heatmap.counts.flat().every((n) => n === 0)).toBe(true);
      expect(r.days).toBe(366);
    }
  });

  it('cancelled tickets count where they were; waiting ones are not at any counter', async () => {
    const t = await ticket(center.fieldB);
    server.clock.advance(7);
    const res = await server.app.inject({ method: 'POST', url: `/api/tickets/${t.ticket.id}/cancel`, headers: bearer(center.supervisor), payload: { reason: 'về trước' } });
    expect(res.statusCode, res.body).toBe(200);
    const r = await report('period=week&groupBy=counter');
    expect(r.from).toBe('2026-11-23');
    expect(r.to).toBe('2026-11-29');
    expect(row(r, null)).toMatchObject({ cancelled: 1, called: 0, label: { vi: 'Chưa đến quầy', en: 'Not at a counter' } });
    expect(r.total.wait.count).toBe(0);
  });
});
