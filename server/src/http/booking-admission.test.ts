import type { ErrorBody } from '@luot/shared';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bearer } from '../test-support/fixtures.ts';
import { bookingCenter, freshPhone, setBooking, tuesdayAt } from '../test-support/booking-center.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

const K = 3;
let server: TestServer;
let center: Awaited<ReturnType<typeof bookingCenter>>;
let base: string;
const sockets: Socket[] = [];

beforeEach(async () => {
  server = await startTestServer({ listen: true, bookingAdmission: { inFlight: K } });
  center = await bookingCenter(server);
  await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 20 }, perAddressPerHour: 1000 });
  base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server.dispose();
});

const slotBody = (hhmm: string) => JSON.stringify({ fieldId: center.fieldA, slotAt: tuesdayAt(hhmm), phone: freshPhone(), name: 'Nguyễn Văn An' });

/**
 * A booking whose headers arrive but whose body is held back: the server has admitted it and waits for the rest,
 * as it would for a slow phone. `finish` sends the rest; the answer is read off the raw socket.
 */
function heldBooking(port: number, hhmm: string): { finish: () => Promise<string>; socket: Socket } {
  const body = slotBody(hhmm);
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  socket.write(`POST /api/bookings/slot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
  socket.write(body.slice(0, 5));
  return {
    socket,
    finish: () =>
      new Promise((resolve) => {
        socket.once('end', () => resolve(answer));
        socket.write(body.slice(5));
      }),
  };
}

describe('booking admission: the opening burst cannot crowd out the kiosks', () => {
  it('with K bookings in flight, extra ones get BOOKING_BUSY at once, a kiosk still issues, and the held ones complete', async () => {
    const port = (server.app.server.address() as { port: number }).port;
    const held = Array.from({ length: K }, (_, i) => heldBooking(port, ['08:00', '08:15', '08:30'][i] ?? '08:45'));
    await vi.waitFor(() => expect(server.deps.bookingAdmission.inFlight()).toBe(K));

    // Two more citizens book and one opens the slot list: refused at once, in the catalog's shape, with Retry-After.
    const extra = await Promise.all([
      fetch(`${base}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slotBody('09:00') }),
      fetch(`${base}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slotBody('09:15') }),
      fetch(`${base}/api/bookings/slots?fieldId=${center.fieldA}&day=2026-11-24`),
    ]);
    for (const res of extra) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const body = (await res.json()) as ErrorBody;
      expect(body.code).toBe('BOOKING_BUSY');
      expect(body.message.vi).toBe('Đang có nhiều người đặt lịch cùng lúc. Xin Ông/Bà vui lòng thử lại sau ít giây.');
      expect(body.message.vi.normalize('NFC')).toBe(body.message.vi);
    }
    expect(server.deps.bookingAdmission.refused()).toBe(3);

    // The kiosk is not a booking: its ticket comes while every booking place is taken.
    const ticket = await fetch(`${base}/api/tickets`, { method: 'POST', headers: { ...bearer(center.kiosk), 'content-type': 'application/json' }, body: JSON.stringify({ fieldId: center.fieldA }) });
    expect(ticket.status).toBe(201);
    expect(server.deps.bookingAdmission.inFlight()).toBe(K);

    // The held bookings go through when their bodies arrive, and give their places back.
    const answers = await Promise.all(held.map((h) => h.finish()));
    for (const a of answers) expect(a.startsWith('HTTP/1.1 201')).toBe(true);
    await vi.waitFor(() => expect(server.deps.bookingAdmission.inFlight()).toBe(0));
    const after = await fetch(`${base}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slotBody('09:00') });
    expect(after.status).toBe(201);
  });

  it('a phone that drops its connection mid-request gives its place back', async () => {
    const port = (server.app.server.address() as { port: number }).port;
    const held = Array.from({ length: K }, () => heldBooking(port, '10:00'));
    await vi.waitFor(() => expect(server.deps.bookingAdmission.inFlight()).toBe(K));
    for (const h of held) h.socket.destroy();
    await vi.waitFor(() => expect(server.deps.bookingAdmission.inFlight()).toBe(0));
    const res = await fetch(`${base}/api/bookings/slot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: slotBody('10:00') });
    expect(res.status).toBe(201);
  });

  it('above the rate, citizens are told to wait at once; the rate comes back as time passes', async () => {
    await server.dispose();
    server = await startTestServer({ bookingAdmission: { perSecond: 2, burst: 4 } });
    center = await bookingCenter(server);
    const list = () => server.app.inject({ method: 'GET', url: `/api/bookings/slots?fieldId=${center.fieldA}&day=2026-11-24` });
    // setBooking's admin routes are not counted; four pages in a row pass, the fifth is refused.
    for (let i = 0; i < 4; i++) expect((await list()).statusCode).toBe(200);
    const refused = await list();
    expect(refused.statusCode).toBe(503);
    expect(refused.json<ErrorBody>().code).toBe('BOOKING_BUSY');
    // The kiosk is not a citizen's phone: it issues meanwhile.
    expect((await server.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(center.kiosk), payload: { fieldId: center.fieldA } })).statusCode).toBe(201);
    server.clock.ms += 1000;
    expect((await list()).statusCode).toBe(200);
    expect((await list()).statusCode).toBe(200);
    expect((await list()).statusCode).toBe(503);
  });

  it('staff and kiosk booking routes are not counted: check-in and the supervisors’ day work while citizens are refused', async () => {
    const port = (server.app.server.address() as { port: number }).port;
    Array.from({ length: K }, () => heldBooking(port, '10:15'));
    await vi.waitFor(() => expect(server.deps.bookingAdmission.inFlight()).toBe(K));
    const day = await fetch(`${base}/api/bookings/today`, { headers: bearer(center.admin) });
    expect(day.status).toBe(200);
    const checkIn = await fetch(`${base}/api/bookings/check-in`, { method: 'POST', headers: { ...bearer(center.kiosk), 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ABCDE-FGHJK' }) });
    expect(((await checkIn.json()) as ErrorBody).code).not.toBe('BOOKING_BUSY');
  });
});
