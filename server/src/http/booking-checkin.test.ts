import ExcelJS from 'exceljs';
import type { BookingConfirmation, BookingDay, CenterSnapshot, CheckInResult, CounterActionResponse, ErrorBody } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/index.ts';
import { bearer, issue, login } from '../test-support/fixtures.ts';
import { booked, bookingCenter, setBooking, tuesdayAt } from '../test-support/booking-center.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof bookingCenter>>;
const logs: string[] = [];

beforeEach(async () => {
  logs.length = 0;
  server = await startTestServer({ logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } });
  center = await bookingCenter(server);
  await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 5, [String(center.fieldC)]: 5 }, bookedInterleave: { booked: 2, walkIn: 1 } });
});
afterEach(async () => server.dispose());

const at = (iso: string) => (server.clock.ms = Date.parse(iso));
const checkIn = (code: string) => server.app.inject({ method: 'POST', url: '/api/bookings/check-in', headers: bearer(center.kiosk), payload: { code } });
const callNext = async (counterId: number, token: string) => {
  const res = await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/call-next`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CounterActionResponse>().ticket;
};
const finish = (counterId: number, token: string) => server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/finish`, headers: bearer(token), payload: {} });

describe('check-in at the kiosk', () => {
  it('an on-time booking is called at its slot ahead of walk-ins who came earlier; early ones wait for their slot', async () => {
    const nine = await booked(server, { fieldId: center.fieldC, slotAt: tuesdayAt('09:00'), phone: '0912345123' });
    at('2026-11-24T08:40:00+07:00');
    const walkIn1 = (await issue(server, center.kiosk, center.fieldC)).json<{ ticket: { id: number } }>().ticket.id;
    const early = await checkIn(nine.code);
    expect(early.statusCode, early.body).toBe(201);
    const result = early.json<CheckInResult>();
    expect(result.timing).toBe('early');
    expect(result.issued.ticket.bookedFor).toBe(new Date(tuesdayAt('09:00')).toISOString());
    expect(result.issued.ticket.number).toBe('C002');
    const walkIn2 = (await issue(server, center.kiosk, center.fieldC)).json<{ ticket: { id: number } }>().ticket.id;
    const counter3 = server.store.sqlite.prepare('SELECT id FROM counters WHERE number = 3').pluck().get() as number;
    // A day later: the supervisor signs in afresh and sits at counter 3 for this test.
    center.supervisor = await login(server, 'boss');
    const sit = await server.app.inject({ method: 'POST', url: `/api/counters/${counter3}/join`, headers: bearer(center.supervisor) });
    expect(sit.statusCode, sit.body).toBe(200);
    // 08:50: the slot has not come, so the walk-in who came first is called.
    at('2026-11-24T08:50:00+07:00');
    expect((await callNext(counter3, center.supervisor))?.id).toBe(walkIn1);
    await finish(counter3, center.supervisor);
    // 09:00: the booked citizen goes ahead of the walk-in waiting since 08:40.
    at('2026-11-24T09:00:00+07:00');
    expect((await callNext(counter3, center.supervisor))?.id).toBe(result.issued.ticket.id);
    // The booked citizen is told by SMS, as one who typed a phone at the kiosk (queued with the call).
    expect(server.store.sqlite.prepare("SELECT phone, body FROM sms_outbox WHERE purpose = 'called'").all()).toEqual([{ phone: '0912345123', body: 'Mời Ông/Bà số C002 đến Quầy 3.' }]);
    await finish(counter3, center.supervisor);
    expect((await callNext(counter3, center.supervisor))?.id).toBe(walkIn2);
    // Scanned again: the booking was used.
    expect((await checkIn(nine.code)).json<ErrorBody>().code).toBe('BOOKING_NOT_ACTIVE');
    // The report compares them: the booked citizen waited 0 minutes after the slot began, the walk-ins 10 and 20.
    const report = await server.app.inject({ method: 'GET', url: '/api/reports/bookings?from=2026-11-24&to=2026-11-24', headers: bearer(center.supervisor) });
    expect(report.json()).toEqual({
      from: '2026-11-24',
      to: '2026-11-24',
      booked: { called: 1, meanWaitMinutes: 0, p90WaitMinutes: 0 },
      walkIn: { called: 2, meanWaitMinutes: 15, p90WaitMinutes: 20 },
      bookings: { onTime: 1, late: 0, lapsed: 0, cancelled: 0, booked: 0 },
      // Per field: all three were field C's; nothing personal anywhere in the report.
      fields: [{ fieldId: center.fieldC, booked: { called: 1, meanWaitMinutes: 0, p90WaitMinutes: 0 }, walkIn: { called: 2, meanWaitMinutes: 15, p90WaitMinutes: 20 }, bookings: { onTime: 1, late: 0, lapsed: 0, cancelled: 0, booked: 0 } }],
    });
    // The reports screen's exports carry the same figures: a table after the report's in the CSV, a sheet of its own
    // in the workbook; nothing personal in either.
    const csv = await server.app.inject({ method: 'GET', url: '/api/reports/export.csv?from=2026-11-24&to=2026-11-24&groupBy=field', headers: bearer(center.supervisor) });
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body.split('\r\n');
    const title = lines.indexOf('Người đặt lịch hẹn và người đến trực tiếp');
    expect(title).toBeGreaterThan(0);
    expect(lines[title - 1]).toBe('');
    expect(lines[title + 1]).toMatch(/^Lĩnh vực,Lịch hẹn,Đến đúng hẹn,Đến muộn,Không đến,Đã hủy,/);
    expect(lines[title + 2]).toBe('Lĩnh vực c,1,1,0,0,0,0,1,0,0,2,15,20');
    expect(lines[title + 3]).toBe('Cả trung tâm,1,1,0,0,0,0,1,0,0,2,15,20');
    expect(csv.body).not.toContain('912345123');
    const xlsx = await server.app.inject({ method: 'GET', url: '/api/reports/export.xlsx?from=2026-11-24&to=2026-11-24&groupBy=field&lang=en', headers: bearer(center.supervisor) });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Bookings');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Booked and walk-in citizens');
    expect(sheet?.getRow(4).values).toEqual([undefined, 'Whole center', 1, 1, 0, 0, 0, 0, 1, 0, 0, 2, 15, 20]);
  });

  it('a late check-in is a walk-in; a booking for another day is refused; unreadable input is told so', async () => {
    const nine = await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:00') });
    const wednesday = await booked(server, { fieldId: center.fieldA, slotAt: Date.parse('2026-11-25T09:00:00+07:00') });
    at('2026-11-24T09:20:00+07:00');
    const late = (await checkIn(nine.code)).json<CheckInResult>();
    expect(late.timing).toBe('late');
    expect(late.issued.ticket.bookedFor).toBeNull();
    expect((await checkIn(wednesday.code)).json<ErrorBody>().code).toBe('BOOKING_NOT_TODAY');
    expect((await checkIn('hello-world-123')).json<ErrorBody>().code).toBe('BOOKING_CODE_UNREADABLE');
    const row = server.store.db.select().from(bookings).all().find((b) => b.ticketId === late.issued.ticket.id);
    expect(row).toMatchObject({ status: 'checked_in', onTime: false });
  });

  it('two scans of one code at once give one ticket', async () => {
    const nine = await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:00') });
    at('2026-11-24T08:55:00+07:00');
    const both = await Promise.all([checkIn(nine.code), checkIn(nine.code), checkIn(nine.code)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(server.store.sqlite.prepare("SELECT count(*) FROM tickets WHERE service_day = '2026-11-24'").pluck().get()).toBe(1);
  });

  it('a remote number keeps its place in line from when it was taken, if checked in before its deadline', async () => {
    at('2026-11-23T08:00:00+07:00');
    const res = await server.app.inject({ method: 'POST', url: '/api/bookings/remote', payload: { fieldId: center.fieldA, phone: '0912345678', name: 'Trần Thị Bình' } });
    expect(res.statusCode, res.body).toBe(201);
    const remote = res.json<BookingConfirmation>();
    expect(remote.booking).toMatchObject({ kind: 'remote', peopleAhead: 0 });
    expect(remote.booking.deadlineAt).toBeGreaterThan(Date.parse('2026-11-23T08:00:00+07:00'));
    at('2026-11-23T08:05:00+07:00');
    const walkIn = (await issue(server, center.kiosk, center.fieldA)).json<{ ticket: { id: number } }>().ticket.id;
    at('2026-11-23T08:10:00+07:00');
    const checked = (await checkIn(remote.code)).json<CheckInResult>();
    expect(checked.timing).toBe('on_time');
    expect(checked.issued.ticket.queuedAt).toBe('2026-11-23T01:00:00.000Z');
    expect((await callNext(center.counter1, center.officer1))?.id).toBe(checked.issued.ticket.id);
    expect((await callNext(center.counter2, center.officer2))?.id).toBe(walkIn);
  });
});

describe('lapses, the supervisor’s board and retention', () => {
  it('a missed slot lapses; the board counts it and masks the phone; a lapsed booking checked in the same day is a walk-in', async () => {
    const nine = await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:00'), phone: '0912345123' });
    await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:15') });
    at('2026-11-24T09:11:00+07:00');
    expect(await server.deps.bookingDesk.tick()).toMatchObject({ lapsed: 1 });
    center.supervisor = await login(server, 'boss');
    center.officer1 = await login(server, 'officer1');
    const board = await server.app.inject({ method: 'GET', url: '/api/bookings/today', headers: bearer(center.supervisor) });
    const day = board.json<BookingDay>();
    expect(day.rows).toEqual([
      { fieldId: center.fieldA, slotAt: tuesdayAt('09:00'), kind: 'slot', booked: 0, checkedIn: 0, lapsed: 1, cancelled: 0 },
      { fieldId: center.fieldA, slotAt: tuesdayAt('09:15'), kind: 'slot', booked: 1, checkedIn: 0, lapsed: 0, cancelled: 0 },
    ]);
    expect(day.noShows).toEqual([{ fieldId: center.fieldA, slotAt: tuesdayAt('09:00'), phoneMasked: '09xx xxx 123' }]);
    expect(board.body).not.toContain('0912345123');
    expect((await server.app.inject({ method: 'GET', url: '/api/bookings/today', headers: bearer(center.officer1) })).statusCode).toBe(403);
    const late = (await checkIn(nine.code)).json<CheckInResult>();
    expect(late.timing).toBe('late');
  });

  it('blanks phone, name and citizen ID after personalDataDays, keeps the counts; logs and the queue never show them', async () => {
    await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:00'), phone: '0912345123', citizenId: '001098012345' });
    const kept = await booked(server, { fieldId: center.fieldA, slotAt: Date.parse('2026-11-27T09:00:00+07:00'), phone: '0987000111' });
    const third = await booked(server, { fieldId: center.fieldC, slotAt: tuesdayAt('09:30'), phone: '0933000222' });
    at('2026-11-24T09:25:00+07:00');
    expect((await checkIn(third.code)).statusCode).toBe(201);
    center.officer1 = await login(server, 'officer1');
    const queue = await server.app.inject({ method: 'GET', url: '/api/queue', headers: bearer(center.officer1) });
    expect(queue.json<CenterSnapshot>()).toBeTruthy();
    expect(queue.body).not.toMatch(/0912345123|0933000222|001098012345/);
    // 30 days after the 24th: the 24th's bookings are blanked, the 27th's not yet.
    at('2026-12-25T08:00:00+07:00');
    await server.deps.bookingDesk.tick();
    const rows = server.store.db.select().from(bookings).all();
    const tuesday = rows.filter((r) => r.serviceDay === '2026-11-24');
    expect(tuesday.length).toBeGreaterThan(0);
    for (const r of tuesday) expect(r).toMatchObject({ phone: null, name: null, citizenId: null });
    expect(rows.find((r) => r.serviceDay === '2026-11-27')?.phone).toBe('0987000111');
    expect(kept.code).toBeTruthy();
    expect(logs.join('\n')).not.toMatch(/0912345123|0933000222|0987000111|001098012345/);
  });
});
