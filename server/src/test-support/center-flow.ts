import type { IssuedTicket } from '@luot/shared';
import { bearer, deviceToken, issue, type smallCenter } from './fixtures.ts';
import type { TestServer } from './test-app.ts';

type Center = Awaited<ReturnType<typeof smallCenter>>;

async function ok(server: TestServer, method: 'POST', url: string, token: string, payload?: object): Promise<void> {
  const res = await server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
}

/**
 * A morning at a small center through its real API, with every kind of event the reports count: issued, called,
 * recalled, served (with a dossier code), no-show, held with a note and returned, transferred with a note,
 * cancelled with a reason, a paused counter, and ratings. Free text goes in on purpose: it must never reach the hub.
 */
export async function centerMorning(server: TestServer, c: Center, rounds = 1): Promise<void> {
  const screen1 = deviceToken(server, 'counter_display', c.counter1);
  const counter = (id: number, step: string, token: string, payload?: object) => ok(server, 'POST', `/api/counters/${id}/${step}`, token, payload);
  for (let round = 0; round < rounds; round++) {
    const tickets: IssuedTicket[] = [];
    for (let i = 0; i < 6; i++) {
      tickets.push((await issue(server, c.kiosk, i % 3 === 2 ? c.fieldB : c.fieldA, i === 1 ? { priority: 'elderly' } : {})).json<IssuedTicket>());
      server.clock.advance(1);
    }
    server.clock.advance(4);
    await counter(c.counter1, 'call-next', c.officer1);
    server.clock.advance(1);
    await counter(c.counter1, 'recall', c.officer1);
    await counter(c.counter1, 'start', c.officer1);
    server.clock.advance(5);
    await counter(c.counter1, 'finish', c.officer1, { dossierCode: 'HS-000123-CCCD-079201001234' });
    const rated = await server.app.inject({ method: 'POST', url: '/api/ratings', headers: bearer(screen1), payload: { ticketId: tickets[1]?.ticket.id ?? 0, score: 3, reasons: ['long_wait'] } });
    if (rated.statusCode !== 201) {
      // The first call took the priority ticket; rate whichever ticket counter 1 finished.
      const pending = (await server.app.inject({ method: 'GET', url: '/api/ratings/pending', headers: bearer(screen1) })).json<{ ticketId: number | null }>();
      if (pending.ticketId) await ok(server, 'POST', '/api/ratings', screen1, { ticketId: pending.ticketId, score: 1 });
    }
    await counter(c.counter2, 'call-next', c.officer2);
    server.clock.advance(2);
    await counter(c.counter2, 'no-show', c.officer2);
    await counter(c.counter2, 'call-next', c.officer2);
    await counter(c.counter2, 'hold', c.officer2, { note: 'Bà Nguyễn Thị Lan, 0903 123 456, thiếu bản sao' });
    await counter(c.counter1, 'call-next', c.officer1);
    await counter(c.counter1, 'start', c.officer1);
    server.clock.advance(3);
    await counter(c.counter1, 'finish', c.officer1, {});
    const waiting = server.store.sqlite.prepare(`SELECT id FROM tickets WHERE status = 'waiting' ORDER BY id DESC LIMIT 2`).pluck().all() as number[];
    const [cancel, transfer] = waiting;
    if (cancel) await ok(server, 'POST', `/api/tickets/${cancel}/cancel`, c.supervisor, { reason: 'Ông Trần Văn Nam gọi 0912 000 111 báo không đến' });
    if (transfer) await ok(server, 'POST', `/api/tickets/${transfer}/transfer`, c.supervisor, { toCounterId: c.counter2, note: 'Hồ sơ của ông Lê Minh, CCCD 079201001234' });
    await counter(c.counter2, 'pause', c.officer2, { reason: 'nghỉ giữa giờ' });
    server.clock.advance(10);
    await counter(c.counter2, 'resume', c.officer2);
    server.clock.advance(2);
  }
}
