import {
  BookingConfirmation,
  BookingOk,
  BookingDay,
  BookingOptions,
  BookingReport,
  BookingReportQuery,
  BookingSettingsBody,
  BookingView,
  CheckInBody,
  CheckInResult,
  CodeBody,
  ErrorBody,
  OtpBody,
  errorBody,
  errorCatalog,
  RemoteBody,
  RescheduleBody,
  SlotBody,
  SlotList,
  SlotsQuery,
} from '@luot/shared';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BookingAdmission } from '../services/booking-admission.ts';
import type { BookingDesk } from '../services/booking-checkin.ts';
import type { BookingService } from '../services/booking-service.ts';
import { actorOf, staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody };

/** Seconds the phone page waits before asking again after BOOKING_BUSY. */
const BUSY_RETRY_S = 2;

/**
 * The citizens' routes take a place among the booking requests in flight before anything else (onRequest: before the
 * body is read or the rate limit's store is touched), so a refusal when bookings open costs almost nothing. The place
 * is given back when the response closes, answered or cut off: a phone that drops its connection keeps none.
 */
function admit(admission: BookingAdmission) {
  return (_request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!admission.enter()) {
      void reply.status(errorCatalog.BOOKING_BUSY.status).header('retry-after', String(BUSY_RETRY_S)).send(errorBody('BOOKING_BUSY'));
      return;
    }
    reply.raw.once('close', () => admission.leave());
    done();
  };
}

/**
 * Remote numbers and bookings. The citizen's pages need no login: the secret code (in the body, never the URL, so
 * no log keeps it) is the only key to a booking, and every public route is limited per address. The kiosk checks
 * in, supervisors see the day, the admin sets the rules.
 */
export const bookingRoutes: FastifyPluginAsyncTypebox<{
  guards: Guards;
  bookings: BookingService;
  admission: BookingAdmission;
  desk: BookingDesk;
  appsRoot: string;
  report: (from: string, to: string) => BookingReport;
}> = async (app, { guards, bookings, admission, desk, appsRoot, report }) => {
  // The citizen's booking page: a second entry of the kiosk app (kiosk/book.html), at a short address to type.
  const page = join(appsRoot, 'kiosk', 'dist', 'book.html');
  app.get('/book', async (_request, reply) => reply.redirect('/book/'));
  app.get('/book/', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const html = await readFile(page, 'utf8');
      return await reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
    } catch {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><p>Trang đặt lịch chưa được build. Chạy <code>pnpm build</code>.</p><p>The booking page is not built yet. Run <code>pnpm build</code>.</p>');
    }
  });

  const perHour = { rateLimit: { max: () => bookings.settings().perAddressPerHour, timeWindow: '1 hour' } };
  const reads = { rateLimit: { max: 120, timeWindow: '1 minute' } };
  const byCode = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  const open = (summary: string) => ({ tags: ['booking'], summary, security: [] });
  const onRequest = admit(admission);

  app.get('/api/bookings/options', { onRequest, schema: { ...open('What can be booked: fields, days, whether a code by SMS is asked'), response: { 200: BookingOptions, ...errors } }, config: reads }, async () =>
    bookings.options(),
  );

  app.get(
    '/api/bookings/slots',
    { onRequest, schema: { ...open('A field’s 15-minute slots on a day, with the places left'), querystring: SlotsQuery, response: { 200: SlotList, ...errors } }, config: reads },
    async (request) => bookings.slots(request.query.fieldId, request.query.day),
  );

  app.post('/api/bookings/otp', { onRequest, schema: { ...open('Send a one-time code by SMS (when a gateway is set up)'), body: OtpBody, response: { 200: BookingOk, ...errors } }, config: perHour }, async (request) => {
    bookings.sendOtp(request.body.phone);
    return { ok: true };
  });

  app.post(
    '/api/bookings/remote',
    { onRequest, schema: { ...open('Take a remote number for today'), body: RemoteBody, response: { 201: BookingConfirmation, ...errors } }, config: perHour },
    async (request, reply) => reply.status(201).send(await bookings.remote(request.body)),
  );

  app.post(
    '/api/bookings/slot',
    { onRequest, schema: { ...open('Book a slot on a coming working day'), body: SlotBody, response: { 201: BookingConfirmation, ...errors } }, config: perHour },
    async (request, reply) => reply.status(201).send(await bookings.book(request.body)),
  );

  app.post('/api/bookings/lookup', { onRequest, schema: { ...open('One’s own booking, by its code'), body: CodeBody, response: { 200: BookingView, ...errors } }, config: byCode }, async (request) =>
    bookings.lookup(request.body.code),
  );

  app.post('/api/bookings/cancel', { onRequest, schema: { ...open('Cancel one’s booking, by its code'), body: CodeBody, response: { 200: BookingView, ...errors } }, config: byCode }, async (request) =>
    bookings.cancel(request.body.code),
  );

  app.post(
    '/api/bookings/reschedule',
    { onRequest, schema: { ...open('Move one’s slot booking to another slot, by its code'), body: RescheduleBody, response: { 200: BookingView, ...errors } }, config: byCode },
    async (request) => bookings.reschedule(request.body.code, request.body.slotAt),
  );

  app.post(
    '/api/bookings/check-in',
    {
      schema: { tags: ['booking'], summary: 'Check a booking in at the kiosk: a ticket', body: CheckInBody, response: { 201: CheckInResult, ...errors, 503: ErrorBody } },
      onRequest: guards.device('kiosk'),
      config: byCode,
    },
    async (request, reply) => {
      const { code, lang, priority } = request.body;
      const result = await desk.checkIn({ code, lang: lang ?? 'vi', priority: priority ?? null }, actorOf(request), request);
      return reply.status(201).send(result);
    },
  );

  app.get('/api/bookings/today', { schema: { tags: ['booking'], summary: 'Today’s bookings per field and slot, and the no-shows', response: { 200: BookingDay, ...errors } }, onRequest: guards.staff('supervisor', 'admin') }, async () =>
    desk.day(),
  );

  app.get(
    '/api/reports/bookings',
    {
      schema: { tags: ['reports'], summary: 'Booked against walk-in waits and lapsed bookings over a period', querystring: BookingReportQuery, response: { 200: BookingReport, ...errors } },
      onRequest: guards.staff('supervisor', 'admin'),
    },
    async (request) => report(request.query.from, request.query.to),
  );

  app.get('/api/admin/booking', { schema: { tags: ['admin'], summary: 'Booking settings', response: { 200: BookingSettingsBody, ...errors } }, onRequest: guards.staff('admin') }, async () =>
    bookings.adminSettings(),
  );

  app.put(
    '/api/admin/booking',
    { schema: { tags: ['admin'], summary: 'Change the booking settings', body: BookingSettingsBody, response: { 200: BookingSettingsBody, ...errors } }, onRequest: guards.staff('admin') },
    async (request) => bookings.saveSettings(staffOf(request), request.body),
  );
};
