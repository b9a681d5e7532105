import type { BookingConfirmation, BookingSettingsBody, SlotList } from '@luot/shared';
import { expect } from 'vitest';
import { addField, addCounter, bearer, smallCenter } from './fixtures.ts';
import type { TestServer } from './test-app.ts';

/** Tuesday 24 November 2026, the first bookable day from the test clock's Monday. */
export const TUESDAY = '2026-11-24';
/** 07:30, 07:45 … in Ha Noi on Tuesday, as epoch ms. */
export const tuesdayAt = (hhmm: string): number => Date.parse(`${TUESDAY}T${hhmm}:00+07:00`);

/** The small center plus a third field C served by a third counter, for the per-day limit across fields. */
export async function bookingCenter(server: TestServer) {
  const center = await smallCenter(server);
  const fieldC = addField(server, { code: 'c', prefix: 'C' });
  addCounter(server, 3, [fieldC]);
  return { ...center, fieldC };
}

export async function setBooking(server: TestServer, admin: string, change: Partial<BookingSettingsBody>): Promise<BookingSettingsBody> {
  const current = (await server.app.inject({ method: 'GET', url: '/api/admin/booking', headers: bearer(admin) })).json<BookingSettingsBody>();
  const res = await server.app.inject({ method: 'PUT', url: '/api/admin/booking', headers: bearer(admin), payload: { ...current, ...change } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BookingSettingsBody>();
}

let phoneSeq = 0;
/** A distinct valid mobile number per call: 0912 000 001, 0912 000 002, … */
export const freshPhone = (): string => `0912${String(++phoneSeq).padStart(6, '0')}`;

export function bookSlot(server: TestServer, body: { fieldId: number; slotAt: number; phone?: string; name?: string; citizenId?: string; otp?: string }, ip = '10.0.0.1') {
  return server.app.inject({ method: 'POST', url: '/api/bookings/slot', remoteAddress: ip, payload: { name: 'Nguyễn Văn An', phone: freshPhone(), ...body } });
}

export async function booked(server: TestServer, body: Parameters<typeof bookSlot>[1]): Promise<BookingConfirmation> {
  const res = await bookSlot(server, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<BookingConfirmation>();
}

export async function slots(server: TestServer, fieldId: number, day = TUESDAY): Promise<SlotList> {
  const res = await server.app.inject({ method: 'GET', url: `/api/bookings/slots?fieldId=${fieldId}&day=${day}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SlotList>();
}
