import type { BookingOptions, BookingView, ErrorBody } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/index.ts';
import { bearer } from '../test-support/fixtures.ts';
import { TUESDAY, bookSlot, booked, bookingCenter, freshPhone, setBooking, slots, tuesdayAt } from '../test-support/booking-center.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof bookingCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await bookingCenter(server);
});
afterEach(async () => server.dispose());

const codeOf = (res: { json: <T>() => T }) => res.json<ErrorBody>().code;

describe('slots', () => {
  it('offers coming working days only, skips weekends and closed dates, cuts 15-minute slots from the sessions', async () => {
    await setBooking(server, center.admin, { closedDates: ['2026-11-26'] });
    const options = (await server.app.inject({ method: 'GET', url: '/api/bookings/options' })).json<BookingOptions>();
    // Monday 23rd is today; 28–29 are the weekend; the 26th is a holiday.
    expect(options.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-27', '2026-11-30']);
    expect(options.fields.map((f) => f.prefix)).toEqual(['A', 'B', 'C']);
    const list = await slots(server, center.fieldA);
    const times = list.slots.map((s) => s.time);
    expect(times[0]).toBe('07:30');
    expect(times).toContain('11:15');
    expect(times).not.toContain('11:30');
    expect(times).not.toContain('12:00');
    expect(times).toContain('13:30');
    expect(times.at(-1)).toBe('16:45');
    expect(times).toHaveLength(16 + 14);
    const closed = await server.app.inject({ method: 'GET', url: `/api/bookings/slots?fieldId=${center.fieldA}&day=2026-11-26` });
    expect(codeOf(closed)).toBe('BOOKING_DAY_CLOSED');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt: Date.parse('2026-11-26T08:00:00+07:00') }))).toBe('BOOKING_DAY_CLOSED');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt: tuesdayAt('12:00') }))).toBe('BOOKING_SLOT_INVALID');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt: tuesdayAt('08:05') }))).toBe('BOOKING_SLOT_INVALID');
  });

  it('derives capacity from the field’s counters and mean visit, and the admin’s figure wins', async () => {
    // Field A: two counters, 8-minute visits → 3.75 citizens a slot, half kept for walk-ins → 1. Field C: one counter → 1.
    expect((await slots(server, center.fieldA)).capacity).toBe(1);
    await setBooking(server, center.admin, { bookingShare: 1 });
    expect((await slots(server, center.fieldA)).capacity).toBe(3);
    await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 4 } });
    const list = await slots(server, center.fieldA);
    expect(list.capacity).toBe(4);
    await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('08:00') });
    expect((await slots(server, center.fieldA)).slots.find((s) => s.time === '08:00')?.left).toBe(3);
  });

  it('a burst on one slot never over-books it: every check and the insert are one transaction', async () => {
    await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 5 }, perAddressPerHour: 10_000 });
    const slotAt = tuesdayAt('09:00');
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => bookSlot(server, { fieldId: center.fieldA, slotAt }, `10.1.0.${i}`)));
    const codes = answers.map((r) => (r.statusCode === 201 ? 'ok' : codeOf(r)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(new Set(codes.filter((c) => c !== 'ok'))).toEqual(new Set(['BOOKING_SLOT_FULL']));
    expect(server.store.db.select().from(bookings).all()).toHaveLength(5);
    // The same phone, many times at once: one booking.
    const phone = freshPhone();
    const same = await Promise.all(Array.from({ length: 10 }, () => bookSlot(server, { fieldId: center.fieldB, slotAt, phone })));
    expect(same.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });
});

describe('identity and abuse limits', () => {
  it('a phone holds one booking per field and two per day; a cancelled one frees its place', async () => {
    await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 9, [String(center.fieldB)]: 9, [String(center.fieldC)]: 9 } });
    const phone = '+84 912 345 123';
    const first = await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('08:00'), phone });
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt: tuesdayAt('09:00'), phone: '0912345123' }))).toBe('BOOKING_PHONE_FIELD_LIMIT');
    await booked(server, { fieldId: center.fieldB, slotAt: tuesdayAt('08:00'), phone });
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldC, slotAt: tuesdayAt('08:00'), phone }))).toBe('BOOKING_PHONE_DAY_LIMIT');
    // Another day is another count.
    await booked(server, { fieldId: center.fieldC, slotAt: Date.parse('2026-11-25T08:00:00+07:00'), phone });
    const cancelled = await server.app.inject({ method: 'POST', url: '/api/bookings/cancel', payload: { code: first.code } });
    expect(cancelled.json<BookingView>().status).toBe('cancelled');
    await booked(server, { fieldId: center.fieldC, slotAt: tuesdayAt('08:00'), phone });
  });

  it('phone and citizen ID are checked by format; the ID is optional unless the center requires it', async () => {
    const slotAt = tuesdayAt('10:00');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, phone: '0212345678' }))).toBe('BOOKING_PHONE_INVALID');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, phone: '091234' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, citizenId: '12345678901' + 'x' }))).toBe('BOOKING_CITIZEN_ID_INVALID');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, citizenId: '999012345678' }))).toBe('BOOKING_CITIZEN_ID_INVALID');
    await setBooking(server, center.admin, { requireCitizenId: true });
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt }))).toBe('BOOKING_CITIZEN_ID_REQUIRED');
    await booked(server, { fieldId: center.fieldA, slotAt, citizenId: '001 098 012 345' });
    expect(server.store.db.select().from(bookings).get()?.citizenId).toBe('001098012345');
  });

  it('limits requests per address', async () => {
    await setBooking(server, center.admin, { perAddressPerHour: 3, capacityOverrides: { [String(center.fieldA)]: 9 } });
    const slotAt = tuesdayAt('10:00');
    for (let i = 0; i < 3; i++) expect((await bookSlot(server, { fieldId: center.fieldA, slotAt }, '10.9.9.9')).statusCode).toBe(201);
    const refused = await bookSlot(server, { fieldId: center.fieldA, slotAt }, '10.9.9.9');
    expect(refused.statusCode).toBe(429);
    expect((await bookSlot(server, { fieldId: center.fieldA, slotAt }, '10.9.9.10')).statusCode).toBe(201);
  });

  it('the secret code is kept only as a hash; lookup, reschedule and cancel work by it and show a masked phone', async () => {
    await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 1 } });
    const mine = await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('08:00'), phone: '0912345123' });
    expect(mine.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = server.store.sqlite.prepare('SELECT * FROM bookings').all();
    expect(JSON.stringify(stored)).not.toContain(mine.code.replace('-', ''));
    const look = (await server.app.inject({ method: 'POST', url: '/api/bookings/lookup', payload: { code: `https://center.local/book/#${mine.code.toLowerCase()}` } })).json<BookingView>();
    expect(look).toMatchObject({ status: 'booked', day: TUESDAY, slotAt: tuesdayAt('08:00'), phoneMasked: '09xx xxx 123' });
    // Someone else holds 08:15: moving there is refused; 08:30 is free.
    await booked(server, { fieldId: center.fieldA, slotAt: tuesdayAt('08:15') });
    const full = await server.app.inject({ method: 'POST', url: '/api/bookings/reschedule', payload: { code: mine.code, slotAt: tuesdayAt('08:15') } });
    expect(codeOf(full)).toBe('BOOKING_SLOT_FULL');
    const moved = await server.app.inject({ method: 'POST', url: '/api/bookings/reschedule', payload: { code: mine.code, slotAt: tuesdayAt('08:30') } });
    expect(moved.json<BookingView>().slotAt).toBe(tuesdayAt('08:30'));
    expect((await slots(server, center.fieldA)).slots.find((s) => s.time === '08:00')?.left).toBe(1);
    const unknown = await server.app.inject({ method: 'POST', url: '/api/bookings/lookup', payload: { code: 'AAAAA-BBBBB' } });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.stringify(unknown.json())).not.toContain('0912');
  });

  it('asks a one-time SMS code when a gateway is set up, and a code works once', async () => {
    await server.dispose();
    const sent: { to: string; text: string; purpose: string }[] = [];
    server = await startTestServer({ sendSms: (msg) => sent.push(msg) });
    center = await bookingCenter(server);
    await setBooking(server, center.admin, { capacityOverrides: { [String(center.fieldA)]: 9 } });
    expect((await server.app.inject({ method: 'GET', url: '/api/bookings/options' })).json<BookingOptions>().otp).toBe(true);
    const phone = '0987654321';
    const slotAt = tuesdayAt('08:00');
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, phone }))).toBe('BOOKING_OTP_REQUIRED');
    expect((await server.app.inject({ method: 'POST', url: '/api/bookings/otp', payload: { phone } })).statusCode).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: phone, purpose: 'otp' });
    const otp = /(\d{6})/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    expect(sent[0]?.text).toBe(`Mã xác nhận đặt lịch của Ông/Bà: ${otp} (hiệu lực 5 phút). Không chia sẻ mã này.`.normalize('NFC'));
    const wrong = otp === '000000' ? '111111' : '000000';
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldA, slotAt, phone, otp: wrong }))).toBe('BOOKING_OTP_WRONG');
    expect((await bookSlot(server, { fieldId: center.fieldA, slotAt, phone, otp })).statusCode).toBe(201);
    expect(codeOf(await bookSlot(server, { fieldId: center.fieldB, slotAt, phone, otp }))).toBe('BOOKING_OTP_WRONG');
    // A second code for the same phone within a minute is refused: a page cannot make the modem spam someone.
    await server.app.inject({ method: 'POST', url: '/api/bookings/otp', payload: { phone } });
    expect(codeOf(await server.app.inject({ method: 'POST', url: '/api/bookings/otp', payload: { phone } }))).toBe('TOO_MANY_ATTEMPTS');
    expect(sent).toHaveLength(2);
  });

  it('only the admin changes the settings', async () => {
    const res = await server.app.inject({ method: 'PUT', url: '/api/admin/booking', headers: bearer(center.supervisor), payload: {} });
    expect(res.statusCode).toBe(403);
  });
});
