import type { IssuedTicket, TicketSearchResult } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';
import { numberCandidates } from '../services/ticket-history.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

const post = (token: string, url: string, payload: object = {}) => server.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const search = (token: string, number: string) => server.app.inject({ method: 'GET', url: `/api/tickets/search?number=${encodeURIComponent(number)}`, headers: bearer(token) });

describe('looking a ticket up by its number', () => {
  it('reads “b2” as B002 and “B 002” too, whatever the case and the leading zeros', () => {
    expect(numberCandidates('b2')).toEqual(expect.arrayContaining(['B2', 'B02', 'B002', 'B0002']));
    expect(numberCandidates(' B 023 ')).toContain('B023');
    expect(numberCandidates('đ7')).toContain('Đ007');
    expect(numberCandidates('1023')).toContain('1023');
  });

  it('tells every event of the day’s ticket in order: issued, called, recalled, transferred with its note, held, finished with its dossier code, rated', async () => {
    await issue(server, center.kiosk, center.fieldB);
    const b = (await issue(server, center.kiosk, center.fieldB, { priority: 'elderly' })).json<IssuedTicket>();
    expect(b.ticket.number).toBe('B002');
    server.clock.advance(3);
    await post(center.officer2, `/api/counters/${center.counter2}/call`, { ticketId: b.ticket.id });
    await post(center.officer2, `/api/counters/${center.counter2}/recall`);
    await post(center.officer2, `/api/counters/${center.counter2}/start`);
    await post(center.officer2, `/api/tickets/${b.ticket.id}/transfer`, { toFieldId: center.fieldA, note: 'Cần trích lục hộ tịch trước' });
    await post(center.officer1, `/api/counters/${center.counter1}/call-next`);
    await post(center.officer1, `/api/counters/${center.counter1}/hold`, { note: 'Đi photo CCCD' });
    await post(center.officer1, `/api/tickets/${b.ticket.id}/return`);
    await post(center.officer1, `/api/counters/${center.counter1}/call-next`);
    await post(center.officer1, `/api/counters/${center.counter1}/finish`, { dossierCode: 'H12.34-260101-0007' });
    expect((await server.app.inject({ method: 'POST', url: `/api/track/${b.trackingCode}/rating`, payload: { score: 2 } })).statusCode).toBe(201);

    const res = await search(center.supervisor, 'b2');
    expect(res.statusCode).toBe(200);
    const [found, ...others] = res.json<TicketSearchResult>().tickets;
    expect(others).toEqual([]);
    expect(found?.ticket).toMatchObject({ number: 'B002', status: 'done' });
    const events = found?.events ?? [];
    expect(events.map((e) => e.kind)).toEqual(['issued', 'called', 'recalled', 'serving', 'transferred', 'called', 'held', 'returned', 'called', 'done', 'rated']);
    expect(events[0]).toMatchObject({ by: 'kiosk test', byDevice: true, fieldId: center.fieldB, priority: 'elderly' });
    expect(events[1]).toMatchObject({ counterNumber: 2, by: 'Cán bộ officer2' });
    expect(events[2]).toMatchObject({ recalls: 1 });
    expect(events[4]).toMatchObject({ counterNumber: 2, fromFieldId: center.fieldB, fieldId: center.fieldA, note: 'Cần trích lục hộ tịch trước' });
    expect(events[6]).toMatchObject({ counterNumber: 1, note: 'Đi photo CCCD' });
    expect(events[9]).toMatchObject({ counterNumber: 1, by: 'Cán bộ officer1', dossierCode: 'H12.34-260101-0007' });
    expect(events[10]).toMatchObject({ kind: 'rated', score: 2, source: 'phone', counterNumber: 1 });
  });

  it('finds nothing for a number not issued today, and is for supervisors and admins only', async () => {
    await issue(server, center.kiosk, center.fieldA);
    expect((await search(center.admin, 'A9')).json<TicketSearchResult>().tickets).toEqual([]);
    expect((await search(center.admin, 'a1')).json<TicketSearchResult>().tickets).toHaveLength(1);
    expect((await search(center.officer1, 'A1')).statusCode).toBe(403);
    expect((await search(center.kiosk, 'A1')).statusCode).toBe(403);
    expect((await search(center.admin, '')).statusCode).toBe(400);
  });
});
